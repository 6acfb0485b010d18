import Foundation

/// Maps a request path to a file inside the served folder, refusing anything that could
/// reach outside it: `..` in any spelling, encoded slashes, NUL, backslashes, symlinks out.
struct StaticFiles: Sendable {
    let root: URL

    enum Lookup: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: its page lives at the slash form.
        case folderWithoutSlash
        case notFound
    }

    func lookup(_ rawPath: String) -> Lookup {
        let pathOnly = rawPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard !pathOnly.lowercased().contains("%2f"), !pathOnly.lowercased().contains("%5c"),
            let decoded = pathOnly.removingPercentEncoding, decoded.hasPrefix("/"), !decoded.hasPrefix("//"),
            !decoded.contains("\0"), !decoded.contains("\\")
        else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        var candidate = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            candidate = candidate.appendingPathComponent("index.html")
            if !decoded.hasSuffix("/"), FileManager.default.fileExists(atPath: candidate.path) {
                return .folderWithoutSlash
            }
        }
        let resolved = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(rootPath + "/"),
            FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else { return .notFound }
        return .file(URL(fileURLWithPath: resolved))
    }

    static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
