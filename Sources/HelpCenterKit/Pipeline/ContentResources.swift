import Crypto
import Foundation
import Synchronization

/// The files beside articles (`SiteContent.resources`) as the site publishes them: at their
/// folder's URL, with a content hash in the name (`billing/img/refund.610f5ae4.png`), so a
/// browser may cache them forever and an image two articles share is written once.
///
/// A name needs the file's bytes, so it is worked out when first asked for: a full build asks
/// for every resource (`readAll`), an incremental one only for what its changed pages link.
final class ContentResources: Sendable {
    private let contentPath: String
    private let names = Mutex<[String: String]>([:])

    init(contentPath: String) {
        self.contentPath = contentPath
    }

    /// Where the resource at `path` (relative to the content folder) is published, relative to
    /// the site root; `nil` when it cannot be read.
    func publishedPath(_ path: String) -> String? {
        if let known = names.withLock({ $0[path] }) { return known }
        guard let data = FileManager.default.contents(atPath: file(path)) else { return nil }
        return remember(path, data)
    }

    /// Every resource's bytes and published path, read on every core, in `paths`' order.
    func readAll(_ paths: [String]) throws(HelpCenterError) -> [(published: String, data: Data)] {
        let slots = Mutex([Result<(String, Data), HelpCenterError>?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let result: Result<(String, Data), HelpCenterError>
            if let data = FileManager.default.contents(atPath: file(path)) {
                result = .success((remember(path, data), data))
            } else {
                result = .failure(
                    HelpCenterError(
                        .error("cannot read file: check its permissions", at: SourceLocation(path: file(path)))))
            }
            slots.withLock { $0[index] = result }
        }
        return try slots.withLock { $0 }.map { slot throws(HelpCenterError) in try slot.unsafelyUnwrapped.get() }
    }

    private func remember(_ path: String, _ data: Data) -> String {
        let published = Self.publishedPath(path, data)
        names.withLock { $0[path] = published }
        return published
    }

    private func file(_ path: String) -> String {
        contentPath.hasSuffix("/") ? contentPath + path : contentPath + "/" + path
    }

    /// The folders as URL segments (as sections' are), the file name with the hash of `data`.
    static func publishedPath(_ path: String, _ data: Data) -> String {
        let folders = LexicalPath.parent(of: path).split(separator: "/").map { URLSegment.urlForm(String($0)) }
        let name = AssetFingerprints.fingerprinted(LexicalPath.fileName(of: path), data)
        return (folders + [name]).joined(separator: "/")
    }
}
