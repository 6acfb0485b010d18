import Crypto
import Foundation

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

    /// Rewrites `"{root}assets/style.css"` (in quotes, as templates write it) to the hashed name;
    /// works on UTF-8 bytes because a Foundation search per page dominated build time.
    func rewrite(_ html: String, root: String) -> String {
        var bytes = Array(html.utf8)
        var changed = false
        for (plain, hashed) in names.sorted(by: { $0.key > $1.key }) {
            let needle = Array("\"\(root)assets/\(plain)\"".utf8)
            let replacement = Array("\"\(root)assets/\(hashed)\"".utf8)
            var searchFrom = bytes.startIndex
            while let found = bytes[searchFrom...].firstRange(of: needle) {
                bytes.replaceSubrange(found, with: replacement)
                searchFrom = found.lowerBound + replacement.count
                changed = true
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : html
    }
}
