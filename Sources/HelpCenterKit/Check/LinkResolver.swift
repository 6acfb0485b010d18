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
    /// `contentPath` made absolute, with a trailing `/`.
    let contentFolder: String
    /// Category folder -> article file name -> its page URL. Articles are always
    /// `<content>/<category>/<file>.md`, so two short keys find one; a table keyed by absolute
    /// path cost 10,000 path normalisations, a tenth of a one-article rebuild.
    let pagesByFile: [String: [String: String]]

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
        guard let page = page(ofSource: LexicalPath.normalize(file)) else { return .unknownMarkdown(path) }
        return .page(page, anchor: anchor)
    }

    /// The page of the article at absolute, normalised `path`, if there is one.
    private func page(ofSource path: String) -> String? {
        guard path.utf8.starts(with: contentFolder.utf8) else { return nil }
        let inside = path.utf8.dropFirst(contentFolder.utf8.count)
        let parts = inside.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, let folder = String(parts[0]), let file = String(parts[1]) else { return nil }
        return pagesByFile[folder]?[file]
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
        var byFile: [String: [String: String]] = [:]
        for category in content.categories {
            var pages: [String: String] = [:]
            pages.reserveCapacity(category.articles.count)
            for article in category.articles {
                pages[Self.fileName(article.sourcePath)] = article.relativeURL
            }
            byFile[category.key] = pages
        }
        self.init(
            rootPath: config.rootPath, contentPath: contentPath, contentFolder: Self.folderPrefix(contentPath),
            pagesByFile: byFile)
    }

    private static func folderPrefix(_ path: String) -> String {
        let absolute = LexicalPath.absolute(path)
        return absolute.hasSuffix("/") ? absolute : absolute + "/"
    }

    /// The last component of a source path (`ContentLoader` names it `<folder>/<file>`).
    private static func fileName(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
        }
    }
}
