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
    }

    let rootPath: String
    let contentPath: String
    /// Absolute source path of each article -> its page URL.
    let pagesBySource: [String: String]

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
        let relative: String
        if path.hasPrefix("/") {
            relative = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : String(path.dropFirst())
        } else {
            relative = Self.normalize(page + path)
        }
        if relative.hasSuffix("index.html") {
            return .page(String(relative.dropLast("index.html".count)), anchor: anchor)
        }
        let last = relative.split(separator: "/").last.map(String.init) ?? ""
        if relative.isEmpty || relative.hasSuffix("/") { return .page(relative, anchor: anchor) }
        return last.contains(".") ? .file(Self.normalize(relative)) : .page(relative + "/", anchor: anchor)
    }

    private func markdownTarget(_ path: String, sourcePath: String, anchor: String?) -> Target {
        let file =
            path.hasPrefix("/")
            ? LexicalPath.absolute(contentPath) + path : LexicalPath.folder(of: sourcePath) + "/" + path
        guard let page = pagesBySource[LexicalPath.normalize(file)] else { return .unknownMarkdown(path) }
        return .page(page, anchor: anchor)
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
    /// The resolver for a whole site: every article's source file mapped to its page.
    init(content: SiteContent, config: SiteConfig, contentPath: String) {
        var bySource: [String: String] = [:]
        bySource.reserveCapacity(content.articleCount)
        for category in content.categories {
            for article in category.articles {
                bySource[LexicalPath.absolute(article.sourcePath)] = article.relativeURL
            }
        }
        self.init(rootPath: config.rootPath, contentPath: contentPath, pagesBySource: bySource)
    }
}
