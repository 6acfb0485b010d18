import Crypto
import Foundation

/// Gives each asset a content-hashed name (`style.3f2a9c1d.css`) so browsers can cache it
/// forever, and rewrites the pages' references to those names.
struct AssetFingerprints {
    /// `style.css` -> `style.3f2a9c1d.css`.
    let names: [String: String]

    init(_ assets: [String: Data]) {
        var names: [String: String] = [:]
        for (path, data) in assets { names[path] = Self.fingerprinted(path, data) }
        self.names = names
    }

    /// `path` with the first bytes of `data`'s hash before its extension.
    static func fingerprinted(_ path: String, _ data: Data) -> String {
        let hash = SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
        let stem = (path as NSString).deletingPathExtension
        let ext = (path as NSString).pathExtension
        return ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)"
    }

    /// Rewrites `"{root}assets/style.css"` (in quotes, as templates write it) to the hashed name.
    func rewrite(_ html: [UInt8], root: String) -> [UInt8] {
        var result = html
        for (plain, hashed) in names.sorted(by: { $0.key > $1.key }) {
            result = ByteReplacement.replace(
                Array("\"\(root)assets/\(plain)\"".utf8), with: Array("\"\(root)assets/\(hashed)\"".utf8), in: result)
        }
        return result
    }
}
