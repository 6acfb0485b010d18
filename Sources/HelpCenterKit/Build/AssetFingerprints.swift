import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Gives each asset a content-hashed name (`style.3f2a9c1d.css`) so browsers can cache it
/// forever, and rewrites the pages' references to those names.
struct AssetFingerprints {
    /// `style.css` -> `style.3f2a9c1d.css`.
    let names: [String: String]

    init(_ assets: [String: Data]) {
        var names: [String: String] = [:]
        for (path, data) in assets {
            let hash = SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
            let stem = (path as NSString).deletingPathExtension
            let ext = (path as NSString).pathExtension
            names[path] = ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)"
        }
        self.names = names
    }

    /// Rewrites `"{root}assets/style.css"` (in quotes, as templates write it) to the hashed name.
    /// Searches UTF-8 bytes with libc's `memchr`/`memcmp`: a Foundation search per page dominated builds.
    func rewrite(_ html: String, root: String) -> [UInt8] {
        var result = Array(html.utf8)
        for (plain, hashed) in names.sorted(by: { $0.key > $1.key }) {
            result = Self.replace(
                Array("\"\(root)assets/\(plain)\"".utf8), with: Array("\"\(root)assets/\(hashed)\"".utf8), in: result)
        }
        return result
    }

    /// The offset of the next occurrence of `pattern` at or after `start`.
    private static func find(
        _ pattern: UnsafeRawBufferPointer, from start: Int, in hay: UnsafeRawBufferPointer, base: UnsafeRawPointer,
        patternBase: UnsafeRawPointer
    ) -> Int? {
        var position = start
        while position + pattern.count <= hay.count {
            guard let hit = memchr(base + position, Int32(pattern[0]), hay.count - position - pattern.count + 1) else {
                return nil
            }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    static func replace(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pattern in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return }
                while let offset = Self.find(pattern, from: start, in: hay, base: base, patternBase: patternBase) {
                    if output.isEmpty { output.reserveCapacity(hay.count + 64) }
                    output.append(contentsOf: hay[start..<offset])
                    output.append(contentsOf: replacement)
                    start = offset + pattern.count
                }
            }
        }
        guard start > 0 else { return haystack }
        output.append(contentsOf: haystack[start...])
        return output
    }
}
