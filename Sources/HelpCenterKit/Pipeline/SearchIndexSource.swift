import Crypto
import Foundation

/// A fingerprint of everything Pagefind reads from a site (each page's path and indexed text,
/// and the command that indexes it), kept inside the index. When a build's fingerprint equals
/// the one beside the current index, that index is what Pagefind would write again, so it is
/// reused instead of rebuilt.
enum SearchIndexSource {
    static let fileName = "helpcenter-indexed-text.sha256"

    static func fingerprint(of site: URL, command: [String]) -> String {
        let manager = FileManager.default
        let pages = (manager.subpaths(atPath: site.path) ?? [])
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix("pagefind/") }.sorted()
        var whole: [(String, [UInt8])] = []
        var marked: [(String, [UInt8])] = []
        for path in pages {
            guard let data = manager.contents(atPath: site.appendingPathComponent(path).path) else { continue }
            let bytes = [UInt8](data)
            whole.append((path, bytes))
            if let text = IndexedText.of(bytes) { marked.append((path, text)) }
        }
        var hash = SHA256()
        hash.update(data: Data(("indexed-text 1\n" + command.joined(separator: " ") + "\n").utf8))
        // Pagefind indexes only marked bodies when any page marks one, else every whole page.
        for (path, text) in marked.isEmpty ? whole : marked {
            hash.update(data: Data("\(path)\n\(text.count)\n".utf8))
            hash.update(data: text)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The fingerprint stored with the index in `index`, if that index is whole.
    static func stored(in index: URL) -> String? {
        guard let text = try? String(contentsOf: index.appendingPathComponent(fileName), encoding: .utf8),
            PagefindOutput.problems(in: index, reportedPages: nil).isEmpty
        else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func store(_ fingerprint: String, in index: URL) {
        try? Data((fingerprint + "\n").utf8).write(to: index.appendingPathComponent(fileName), options: .atomic)
    }
}
