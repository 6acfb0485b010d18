import Foundation

/// Turns a link as written in an article into what it points at inside the site.
struct LinkResolver {
    enum Target: Equatable {
        /// Outside the site (a scheme, `//host`): not fetched.
        case external
        /// A page (`guides/a/`, or `""` for home) and an optional `#anchor`.
        case page(String, anchor: String?)
        /// A file in the site: an asset or a generated file.
        case file(String)
        /// A `.md` link to a file that is not an article.
        case unknownMarkdown(String)
        /// A file beside the article under the content folder (`SiteContent.resources`),
        /// relative to that folder: the build publishes it.
        case resource(String)
    }

    let rootPath: String
    let contentPath: String
    /// `contentPath` made absolute, with a trailing `/`.
    let contentFolder: String
    /// Articles are `<content>/<section folder>/<file>.md`, so a folder and a file name find
    /// one (a table keyed by absolute path cost 10,000 path normalisations).
    let articles: ArticleFiles
    /// `SiteContent.resources`: what a relative link may name beside its article.
    var resources: Set<String> = []

    func resolve(_ url: String, fromPage page: String, sourcePath: String) -> Target {
        let lowered = url.lowercased()
        if lowered.hasPrefix("//") || Self.hasScheme(lowered) { return .external }
        var path = url
        var anchor: String?
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.isEmpty { return .page(page, anchor: anchor) }
        if path.hasSuffix(".md") { return markdownTarget(path, sourcePath: sourcePath, anchor: anchor) }
        if !resources.isEmpty, !path.hasPrefix("/"), let resource = resource(path, sourcePath: sourcePath) {
            return .resource(resource)
        }
        let relative: String
        if path.hasPrefix("/") {
            relative = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : String(path.dropFirst())
        } else {
            relative = Self.normalize(page + path)
        }
        if relative.hasSuffix("index.html") {
            return .page(URLSegment.urlPath(String(relative.dropLast("index.html".count))), anchor: anchor)
        }
        let last = relative.split(separator: "/").last.map(String.init) ?? ""
        if relative.isEmpty || relative.hasSuffix("/") { return .page(URLSegment.urlPath(relative), anchor: anchor) }
        return last.contains(".")
            ? .file(Self.normalize(relative)) : .page(URLSegment.urlPath(relative) + "/", anchor: anchor)
    }

    private func markdownTarget(_ path: String, sourcePath: String, anchor: String?) -> Target {
        // `Refund%20Policy.md` names `Refund Policy.md`.
        let path = path.removingPercentEncoding ?? path
        let file =
            path.hasPrefix("/")
            ? LexicalPath.absolute(contentPath) + path : LexicalPath.folder(of: sourcePath) + "/" + path
        guard let page = page(ofSource: LexicalPath.normalize(file)) else { return .unknownMarkdown(path) }
        return .page(page, anchor: anchor)
    }

    /// The content-relative path of the resource `path` names from the article at `sourcePath`
    /// (percent-escapes decoded: `my%20shot.png`), if there is one.
    private func resource(_ path: String, sourcePath: String) -> String? {
        let file = LexicalPath.normalize(
            LexicalPath.folder(of: sourcePath) + "/" + (path.removingPercentEncoding ?? path))
        guard file.utf8.starts(with: contentFolder.utf8) else { return nil }
        let inside = LexicalPath.dropping(contentFolder.utf8.count, from: file)
        return resources.contains(inside) ? inside : nil
    }

    /// The page of the article at absolute, normalised `path`, if there is one: a file in a
    /// section's folder, or a page bundle's `index.md`.
    private func page(ofSource path: String) -> String? {
        guard path.utf8.starts(with: contentFolder.utf8) else { return nil }
        let inside = LexicalPath.dropping(contentFolder.utf8.count, from: path)
        let folder = LexicalPath.parent(of: inside)
        let file = LexicalPath.fileName(of: inside)
        if let page = articles.page(folder: folder, file: file) { return page }
        guard file == "index.md", !folder.isEmpty else { return nil }
        return articles.page(
            folder: LexicalPath.parent(of: folder), file: LexicalPath.fileName(of: folder) + "/index.md")
    }

    /// `scheme:` as RFC 3986 spells it: a letter, then letters, digits, `+`, `.` or `-`, then a colon.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.unicodeScalars.first, ("a"..."z").contains(first)
        else { return false }
        return url[..<colon].unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0)
        }
    }

    /// Resolves `.` and `..` segments; keeps a trailing `/`.
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        return path.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}

extension LinkResolver {
    /// The resolver for a whole site.
    /// - Parameter indexed: table every article first, for a full build's many links; without
    ///   it each link looks through its category, cheaper for an incremental build's few.
    init(content: SiteContent, config: SiteConfig, contentPath: String, indexed: Bool = true) {
        let absolute = LexicalPath.absolute(contentPath)
        self.init(
            rootPath: config.rootPath, contentPath: contentPath,
            contentFolder: absolute.hasSuffix("/") ? absolute : absolute + "/",
            articles: ArticleFiles(content, contentPath: contentPath, indexed: indexed), resources: content.resources)
    }
}
