import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// The byte-level text helpers that replaced Foundation calls in the build's hot path must
/// give Foundation's results.
@Suite("Byte-level text")
struct ByteLevelTextTests {
    let pieces = ["<", ">", "&", "\"", "'", "a", "ab", " ", "é", "’", "\n", "中", "🙂", "&lt;", "href=\"", "x.md"]

    func randomText(_ random: inout SeededGenerator, length: UInt64 = 30) -> String {
        (0..<Int(random.next() % length)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test("markup escaping gives Foundation's four replacements, bar marks fused with a special character")
    func markupEscaping() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let text = randomText(&random)
            let foundation = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(MarkupEscaping.escape(text) == foundation, "\(text)")
        }
        #expect(MarkupEscaping.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; 'd'&gt;")
        // One difference, on purpose: Foundation matched whole Characters, so a '&' or '<' fused
        // with a combining mark stayed raw (not valid XML); bytes escape it.
        #expect(MarkupEscaping.escape("a&\u{301}b <\u{338}") == "a&amp;\u{301}b &lt;\u{338}")
        #expect("a&\u{301}b".replacingOccurrences(of: "&", with: "&amp;") == "a&\u{301}b")
    }

    @Test("collapsing whitespace gives the Character split it replaced, ASCII or not")
    func collapsingWhitespace() {
        var random = SeededGenerator(seed: 13)
        let pieces = [
            "a", "Zoom", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "é", "\u{A0}", "\u{2003}", "-",
        ]
        for _ in 0..<1000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(
                CmarkNode.collapsingWhitespace(text)
                    == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                "\(Array(text.unicodeScalars))")
        }
    }

    @Test("replacing bytes gives Foundation's literal replacement, overlaps included")
    func replacing() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let text = randomText(&random)
            let target = randomText(&random, length: 3)
            let replacement = randomText(&random, length: 3)
            guard !target.isEmpty else { continue }
            #expect(
                text.replacingBytes(of: target, with: replacement)
                    == text.replacingOccurrences(of: target, with: replacement, options: .literal),
                "\(text) / \(target) / \(replacement)")
        }
        #expect("aaa".replacingBytes(of: "aa", with: "b") == "ba")
        #expect("x.md\" x.md\"".replacingBytes(of: "x.md\"", with: "/x/\"") == "/x/\" /x/\"")
    }
}
