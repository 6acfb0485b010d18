import Foundation

/// Reads `Content/`: one folder per category (with an optional `_index.md`) holding its
/// articles, plus an optional `Content/_index.md` for the home page.
public struct ContentLoader: Sendable {
    public var contentPath: String
    public var includeDrafts: Bool
    public var unsafeHTML: Bool

    public init(contentPath: String, includeDrafts: Bool = false, unsafeHTML: Bool = false) {
        self.contentPath = contentPath
        self.includeDrafts = includeDrafts
        self.unsafeHTML = unsafeHTML
    }

    /// Loads everything, reporting every file's problems together.
    /// - Returns: The content and the warnings found on the way.
    /// - Throws: `HelpCenterError` with all diagnostics when any of them is an error.
    public func load() throws(HelpCenterError) -> (content: SiteContent, warnings: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries = try listFolder()
        let commitDates = GitDates.lastCommitDates(under: contentPath)
        let links = SymlinkGuard(root: contentPath, folderName: "content")
        var home: Category?
        var categories: [Category] = []
        for entry in entries {
            let path = join(contentPath, entry)
            if let problem = links.problem(at: path) {
                diagnostics.append(problem)
            } else if isFolder(path) {
                if let category = loadCategory(entry, links: links, commitDates: commitDates, diagnostics: &diagnostics)
                {
                    categories.append(category)
                }
            } else if entry == "_index.md" {
                home = loadIndex(path: path, key: "", diagnostics: &diagnostics)
            } else if entry.hasSuffix(".md") {
                diagnostics.append(
                    .warning(
                        "ignored: articles live in a category folder; move it to \(contentPath)/<category>/\(entry)",
                        at: SourceLocation(path: path)))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw HelpCenterError(diagnostics) }
        let content = SiteContent(home: home, categories: categories.sorted(by: Self.order))
        return (content, diagnostics)
    }

    private func listFolder() throws(HelpCenterError) -> [String] {
        guard isFolder(contentPath) else {
            throw HelpCenterError(
                .error(
                    "content folder not found: run helpcenter from the site's root folder or pass --content PATH",
                    at: SourceLocation(path: contentPath)))
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: contentPath).filter { !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw HelpCenterError(
                .error("cannot list folder: \(error.localizedDescription)", at: .init(path: contentPath)))
        }
    }

    private func loadCategory(
        _ key: String, links: SymlinkGuard, commitDates: [String: Date], diagnostics: inout [Diagnostic]
    ) -> Category? {
        let folder = join(contentPath, key)
        guard URLSegment.isValid(key) else {
            diagnostics.append(
                .error(
                    "folder name '\(key)' cannot be a URL segment: use lower-case letters, digits and '-'",
                    at: SourceLocation(path: folder)))
            return nil
        }
        var files: [String] = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        where !name.hasPrefix(".") {
            if let problem = links.problem(at: join(folder, name)) {
                diagnostics.append(problem)
            } else {
                files.append(name)
            }
        }
        let indexPath = join(folder, "_index.md")
        var category =
            files.contains("_index.md")
            ? loadIndex(path: indexPath, key: key, diagnostics: &diagnostics)
            : Category(
                key: key, sourcePath: nil, frontMatter: FrontMatter(title: URLSegment.title(from: key)),
                body: MarkdownRenderer().render(""), articles: [])
        var articles: [Article] = []
        var usedSlugs: [String: String] = [:]
        let names = files.filter { $0.hasSuffix(".md") && $0 != "_index.md" }
        for (loaded, fileDiagnostics) in loadArticles(names.map { join(folder, $0) }, categoryKey: key) {
            diagnostics += fileDiagnostics
            guard var article = loaded else { continue }
            if article.frontMatter.lastmod == nil {
                let absolute = URL(fileURLWithPath: article.sourcePath).standardizedFileURL.resolvingSymlinksInPath()
                    .path
                article.frontMatter.lastmod = commitDates[absolute]
            }
            if let other = usedSlugs[article.slug] {
                diagnostics.append(
                    .error(
                        "URL /\(article.relativeURL) is also the URL of \(other): change 'slug' in one of them",
                        at: SourceLocation(path: article.sourcePath, line: 1, column: 1)))
                continue
            }
            usedSlugs[article.slug] = article.sourcePath
            articles.append(article)
        }
        category?.articles = articles.sorted(by: Self.order)
        return category
    }

    /// Parses and renders files on every core (each file's work is independent); results come
    /// back in the order given, so diagnostics and output never depend on thread timing.
    private func loadArticles(_ paths: [String], categoryKey: String) -> [(Article?, [Diagnostic])] {
        let slots = LoadSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            var diagnostics: [Diagnostic] = []
            let article = loadArticle(paths[index], categoryKey: categoryKey, diagnostics: &diagnostics)
            slots.set(index, (article, diagnostics))
        }
        return slots.all
    }

    private func loadIndex(path: String, key: String, diagnostics: inout [Diagnostic]) -> Category? {
        guard let (document, body) = parse(path, diagnostics: &diagnostics) else { return nil }
        return Category(key: key, sourcePath: path, frontMatter: document.frontMatter, body: body, articles: [])
    }

    private func loadArticle(_ path: String, categoryKey: String, diagnostics: inout [Diagnostic]) -> Article? {
        guard let (document, body) = parse(path, diagnostics: &diagnostics) else { return nil }
        if document.frontMatter.draft && !includeDrafts { return nil }
        let fileName = (path as NSString).lastPathComponent
        let slug = document.frontMatter.slug ?? String(fileName.dropLast(".md".count))
        return Article(
            sourcePath: path, frontMatter: document.frontMatter, slug: slug, categoryKey: categoryKey, body: body)
    }

    /// Reads, splits and renders one file; `nil` after recording why it could not be.
    private func parse(_ path: String, diagnostics: inout [Diagnostic]) -> (SourceDocument, RenderedMarkdown)? {
        do {
            let document = try FrontMatterParser.parse(try SourceFileReader.read(path), path: path)
            let options = MarkdownOptions(unsafeHTML: unsafeHTML, path: path, lineOffset: document.bodyLineOffset)
            let body = MarkdownRenderer(options: options).render(document.body)
            diagnostics += body.diagnostics
            return (document, body)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Weight first, then title, then path, so the order never depends on the file system.
    static func order(_ lhs: Article, _ rhs: Article) -> Bool {
        (lhs.frontMatter.weight, lhs.title, lhs.sourcePath) < (rhs.frontMatter.weight, rhs.title, rhs.sourcePath)
    }

    static func order(_ lhs: Category, _ rhs: Category) -> Bool {
        (lhs.frontMatter.weight, lhs.title, lhs.key) < (rhs.frontMatter.weight, rhs.title, rhs.key)
    }
}

/// One slot per file, each written by exactly one thread.
private final class LoadSlots: @unchecked Sendable {
    private var slots: [(Article?, [Diagnostic])]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: (nil, []), count: count)
    }

    func set(_ index: Int, _ value: (Article?, [Diagnostic])) {
        lock.withLock { slots[index] = value }
    }

    var all: [(Article?, [Diagnostic])] { lock.withLock { slots } }
}
