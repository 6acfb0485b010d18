import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// The splitter reads only up to the closing fence now; it must split every file exactly as
/// the whole-file version it replaced (kept below as the reference) did.
@Suite("Front matter splitter")
struct FrontMatterSplitterTests {
    /// The previous implementation: every line start of the file, then the first closing fence.
    static func reference(_ text: String) -> (yaml: String, body: String, offset: Int)? {
        let source = text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
        func line(_ index: Int) -> Substring {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            return Substring(decoding: bytes[lineStarts[index]..<end], as: UTF8.self)
        }
        func isFence(_ line: Substring, allowDots: Bool) -> Bool {
            var fence = line
            while let last = fence.last, last == " " || last == "\t" || last == "\r" { fence = fence.dropLast() }
            return fence == "---" || (allowDots && fence == "...")
        }
        guard isFence(line(0), allowDots: false),
            let closing = (1..<lineStarts.count).first(where: { isFence(line($0), allowDots: true) })
        else { return nil }
        let yaml = closing > 1 ? String(decoding: bytes[lineStarts[1]..<(lineStarts[closing] - 1)], as: UTF8.self) : ""
        let bodyStart = closing + 1 < lineStarts.count ? lineStarts[closing + 1] : bytes.count
        return (yaml, String(decoding: bytes[bodyStart...], as: UTF8.self), closing + 1)
    }

    @Test("random files split as the whole-file reference splits them")
    func randomFiles() {
        var random = SeededGenerator(seed: 5)
        let lines = [
            "---", "...", "--- ", "---\t", "---\r", "-- -", "----", "title: T", "", "body é", " ---", "x\r",
            "---\u{301}",
        ]
        let breaks = ["\n", "\r\n", "\r", "\n\n"]
        var split = 0
        for _ in 0..<2000 {
            var text = random.next() % 8 == 0 ? "\u{FEFF}" : ""
            if random.next() % 2 == 0 { text += "---" + breaks[Int(random.next() % UInt64(breaks.count))] }
            for _ in 0..<Int(random.next() % 7) {
                text +=
                    lines[Int(random.next() % UInt64(lines.count))] + breaks[Int(random.next() % UInt64(breaks.count))]
            }
            if random.next() % 2 == 0 { text += lines[Int(random.next() % UInt64(lines.count))] }
            let expected = Self.reference(text)
            let parts = try? FrontMatterSplitter.split(text, path: "a.md")
            #expect(parts?.yaml == expected?.yaml, "\(Array(text.unicodeScalars))")
            #expect(parts?.body == expected?.body, "\(Array(text.unicodeScalars))")
            #expect(parts?.bodyLineOffset == expected?.offset, "\(Array(text.unicodeScalars))")
            if expected != nil { split += 1 }
        }
        #expect(split > 500)
    }
}
