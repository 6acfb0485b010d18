import Foundation

/// A help-center site in a fresh temporary folder: the repository's real `Templates/` and
/// `site.yml`, plus whatever content a test writes. Removed when the test drops it.
public final class TemporarySite: @unchecked Sendable {
    /// The site's root folder.
    public let root: URL

    /// The repository checkout the tests run from.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter copyRealContent: start from the repository's `Content/` instead of an empty one.
    public init(copyRealContent: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: url("Templates"))
        try manager.copyItem(at: Self.repository.appendingPathComponent("site.yml"), to: url("site.yml"))
        if copyRealContent {
            try manager.copyItem(at: Self.repository.appendingPathComponent("Content"), to: url("Content"))
        } else {
            try manager.createDirectory(at: url("Content"), withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A path inside the site.
    public func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    public func path(_ relative: String) -> String {
        url(relative).path
    }

    /// Writes `text` at `relative`, creating folders.
    public func write(_ relative: String, _ text: String) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Every file under `relative`, as sorted relative paths, with contents.
    public func tree(_ relative: String) throws -> [String: Data] {
        try Self.tree(at: url(relative))
    }

    /// Every file under `folder`, by relative path.
    public static func tree(at folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for item in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let file = folder.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[item] = try Data(contentsOf: file)
            }
        }
        return files
    }

    /// A small valid article.
    public func writeArticle(
        _ relative: String, title: String, extra: String = "", body: String = "Some text."
    ) throws {
        try write(relative, "---\ntitle: \(title)\n\(extra)---\n\(body)\n")
    }
}

/// Zoom's published Meeting API spec, vendored from shared/zoom with its SOURCE.md so tests
/// run from any checkout.
public enum ZoomSpecFile {
    public static let url = TemporarySite.repository.appendingPathComponent(
        "Tests/Fixtures/zoom/zoom-meeting-api.openapi.json")
}
