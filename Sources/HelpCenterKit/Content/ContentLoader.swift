import Foundation

/// Reads `Content/`: a section per folder at any depth (with an optional `_index.md`) holding
/// its articles and page bundles, plus an optional `Content/_index.md` for the home page.
public struct ContentLoader: Sendable {
    public var contentPath: String
    public var includeDrafts: Bool
    public var unsafeHTML: Bool
    /// The previous build's articles: a file that did not change is taken from here, not parsed.
    var reuse: ArticleReuse?
    /// Commit dates to use instead of asking `git`; a build gives none and fills them in after
    /// loading (`LoadedContent.fillCommitDates`).
    var commitDates: [String: Date]?

    public init(contentPath: String, includeDrafts: Bool = false, unsafeHTML: Bool = false) {
        self.contentPath = contentPath
        self.includeDrafts = includeDrafts
        self.unsafeHTML = unsafeHTML
    }

    /// Loads everything, reporting every file's problems together.
    /// - Returns: The content and the warnings found on the way.
    /// - Throws: `HelpCenterError` with all diagnostics when any of them is an error.
    public func load() throws(HelpCenterError) -> (content: SiteContent, warnings: [Diagnostic]) {
        let loaded = try loadTracked()
        return (loaded.content, loaded.warnings)
    }

    /// `load`, plus what the build cache needs: each article's stamp and skeleton, which files
    /// were parsed, the `_index.md` digests and the commit dates used.
    func loadTracked(_ survey: ContentSurvey? = nil) throws(HelpCenterError) -> LoadedContent {
        guard let survey else { return try loadTracked(self.survey()) }
        var diagnostics: [Diagnostic] = []
        let commitDates = self.commitDates ?? GitDates.lastCommitDates(under: contentPath)
        var tracking = LoadedContent.Tracking()
        tracking.categories = survey.categories
        tracking.indexDigests = survey.indexDigests
        // Starting from the cache's entries, only those that changed are written: 10,000
        // inserts were a tenth of a one-article rebuild.
        tracking.articles = reuse?.entries ?? [:]
        tracking.order.reserveCapacity(reuse?.entries.count ?? 0)
        var home: Category?
        var categories: [Category] = []
        var matcher = reuse.map(ReuseMatcher.init)
        for step in survey.steps {
            switch step {
            case .problem(let problem):
                diagnostics.append(problem)
            case .home(let page):
                home = page
            case .category(let folder):
                diagnostics += folder.diagnostics
                if let category = loadCategory(
                    folder, matcher: &matcher, tracking: &tracking, diagnostics: &diagnostics)
                {
                    categories.append(category)
                }
            }
        }
        if tracking.articles.count != tracking.order.count {
            // Files gone since the cache was written, or not loaded this time.
            let loaded = Set(tracking.order)
            tracking.articles = tracking.articles.filter { loaded.contains($0.key) }
        }
        diagnostics += SectionTree.clashes(categories)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw HelpCenterError(diagnostics) }
        var content = SiteContent(home: home, categories: SectionTree.ordered(categories, order: Self.order))
        content.resources = Set(survey.resources)
        var loaded = LoadedContent(content: content, warnings: diagnostics, tracking: tracking)
        loaded.fillCommitDates(commitDates, survey: survey)
        return loaded
    }

    /// A surveyed category with its articles, each taken from the cache or parsed.
    private func loadCategory(
        _ survey: CategorySurvey, matcher: inout ReuseMatcher?, tracking: inout LoadedContent.Tracking,
        diagnostics: inout [Diagnostic]
    ) -> Category? {
        let (key, folder, names) = (survey.key, survey.folder, survey.names)
        var category = survey.category
        var articles: [Article] = []
        articles.reserveCapacity(names.count)
        // What `_index.md` cascades is in each article's front matter: the cache's copies may
        // hold an older cascade, so such a folder's articles are all parsed again.
        let cascade = survey.cascade
        let previous = names.map { name in
            cascade.isEmpty ? matcher?.entry(in: folder, named: name) { join(folder, name) } : nil
        }
        let readFiles = readArticles(
            names, in: folder, stamps: survey.stamps, previous: previous, categoryKey: key, cascade: cascade)
        // Slugs were unique among the articles of the build that wrote the cache, so a folder
        // whose every article is the cache's as it was needs no check (10,000 hashed strings).
        var usedSlugs: [String: String]? = readFiles.contains { $0 != nil } ? [:] : nil
        func add(_ article: Article) {
            // A `url` is a whole path, never one segment: it cannot be taken for a slug.
            let key = article.customURL.map { "/" + $0 } ?? article.slug
            if let other = usedSlugs?[key] {
                diagnostics.append(
                    .error(
                        "URL /\(article.relativeURL) is also the URL of \(other): change 'slug' in one of them",
                        at: SourceLocation(path: article.sourcePath, line: 1, column: 1)))
                return
            }
            usedSlugs?[key] = article.sourcePath
            articles.append(article)
        }
        for index in names.indices {
            guard let file = readFiles[index] else {
                // Taken from the cache as it is: nothing for the next cache to change.
                let entry = previous[index].unsafelyUnwrapped
                tracking.order.append(entry.article.sourcePath)
                if !entry.article.body.diagnostics.isEmpty { diagnostics += entry.article.body.diagnostics }
                let matter = entry.article.frontMatter
                if (includeDrafts || !matter.draft) && matter.isRendered { add(entry.article) }
                continue
            }
            diagnostics += file.diagnostics
            if let cached = file.cached {
                if file.parsed || file.restamped || !file.inCache {
                    tracking.articles[cached.article.sourcePath] = cached
                }
                tracking.order.append(cached.article.sourcePath)
                if file.parsed { tracking.parsed.insert(cached.article.sourcePath) }
                if !file.inCache { tracking.notInCache += 1 }
                if file.restamped { tracking.restamped.insert(cached.article.sourcePath) }
            }
            if let article = file.article { add(article) }
        }
        category?.articles = articles.sorted(by: Self.order)
        category?.folder = folder
        category?.parentKey = survey.parentKey
        // A headless folder (`headless: true`, `build: {render: never}`) has no page of its own.
        return category?.frontMatter.isRendered == false ? nil : category
    }

    /// Reads and parses, on every core, the files the cache cannot vouch for (each file's work
    /// is independent); `nil` for each taken from the cache as it is. Results come back in the
    /// order given, so diagnostics and output never depend on thread timing. (Handing 10,000
    /// cached entries to the cores one by one cost more than taking them.)
    private func readArticles(
        _ names: [String], in folder: String, stamps: [FileStamp?], previous: [CachedArticle?], categoryKey: String,
        cascade: [String: TemplateValue]
    ) -> [LoadedFile?] {
        var files = [LoadedFile?](repeating: nil, count: names.count)
        let toRead = names.indices.filter { !isTrusted(stamps[$0], cached: previous[$0]?.stamp) }
        guard !toRead.isEmpty else { return files }
        let slots = LoadSlots(count: toRead.count)
        DispatchQueue.concurrentPerform(iterations: toRead.count) { [toRead] slot in
            let index = toRead[slot]
            slots.set(
                slot,
                readArticle(
                    names[index], in: folder, stamp: stamps[index], previous: previous[index], categoryKey: categoryKey,
                    cascade: cascade)
            )
        }
        for (slot, file) in slots.all.enumerated() { files[toRead[slot]] = file }
        return files
    }

    /// Whether a file with `stamp` is the cache's entry with `cached` as it was, unread.
    private func isTrusted(_ stamp: FileStamp?, cached: FileStamp?) -> Bool {
        guard let reuse, let stamp, let cached else { return false }
        return reuse.trusts(stamp, cached: cached)
    }

    func loadIndex(
        path: String, key: String, cascade: [String: TemplateValue] = [:], digests: inout [String: [UInt8]],
        diagnostics: inout [Diagnostic]
    ) -> Category? {
        guard let text = read(path, diagnostics: &diagnostics) else { return nil }
        digests[path] = ArticleReuse.digest(text)
        guard let (document, body) = parse(text, path: path, cascade: cascade, diagnostics: &diagnostics) else {
            return nil
        }
        return Category(key: key, sourcePath: path, frontMatter: document.frontMatter, body: body, articles: [])
    }

    /// One article whose stamp cannot be trusted: read, then the cached one when its digest is
    /// unchanged, else parsed.
    private func readArticle(
        _ name: String, in folder: String, stamp: FileStamp?, previous: CachedArticle?, categoryKey: String,
        cascade: [String: TemplateValue]
    ) -> LoadedFile {
        var file = parsed(
            join(folder, name), categoryKey: categoryKey, stamp: stamp, previous: previous, cascade: cascade)
        file.inCache = previous != nil
        return file
    }

    /// The article read and, unless its digest matches `previous`, parsed.
    private func parsed(
        _ path: String, categoryKey: String, stamp: FileStamp?, previous: CachedArticle?,
        cascade: [String: TemplateValue]
    ) -> LoadedFile {
        var diagnostics: [Diagnostic] = []
        guard let text = read(path, diagnostics: &diagnostics) else { return LoadedFile(diagnostics: diagnostics) }
        let digest = ArticleReuse.digest(text)
        if let stamp, let previous, previous.digest == digest { return reused(previous, stamp: stamp) }
        guard let (document, body) = parse(text, path: path, cascade: cascade, diagnostics: &diagnostics) else {
            return LoadedFile(diagnostics: diagnostics)
        }
        // Lower-cased as every published path is (Hugo's `slug: Refund-Policy` is `refund-policy`).
        let slug = document.frontMatter.slug.map(URLSegment.urlForm) ?? Self.fileSlug(path)
        let article = Article(
            sourcePath: path, frontMatter: document.frontMatter, slug: slug, categoryKey: categoryKey, body: body)
        let cached = stamp.map { CachedArticle(stamp: $0, digest: digest, article: article.skeleton) }
        let published = (!article.frontMatter.draft || includeDrafts) && article.frontMatter.isRendered
        return LoadedFile(article: published ? article : nil, cached: cached, parsed: true, diagnostics: diagnostics)
    }

    private func reused(_ previous: CachedArticle, stamp: FileStamp) -> LoadedFile {
        var cached = previous
        cached.stamp = stamp
        let matter = previous.article.frontMatter
        let published = (!matter.draft || includeDrafts) && matter.isRendered
        return LoadedFile(
            article: published ? previous.article : nil, cached: cached, parsed: false, inCache: true,
            restamped: stamp != previous.stamp, diagnostics: previous.article.body.diagnostics)
    }

    private func read(_ path: String, diagnostics: inout [Diagnostic]) -> String? {
        do {
            return try SourceFileReader.read(path)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Splits and renders one file's text; `nil` after recording why it could not be.
    private func parse(
        _ text: String, path: String, cascade: [String: TemplateValue] = [:], diagnostics: inout [Diagnostic]
    ) -> (SourceDocument, RenderedMarkdown)? {
        do {
            let document = try FrontMatterParser.parse(text, path: path, cascade: cascade)
            let options = MarkdownOptions(unsafeHTML: unsafeHTML, path: path, lineOffset: document.bodyLineOffset)
            let shortcodes = HugoShortcodes(document.body, path: path, lineOffset: document.bodyLineOffset) {
                referenceLink($0, from: path)
            }
            var body = MarkdownRenderer(options: options).render(shortcodes.markdown)
            // Kept with the body, so a build that takes the article from the cache warns again.
            body.diagnostics = shortcodes.warnings + body.diagnostics
            if shortcodes.markdown != document.body {
                for index in body.links.indices {
                    body.links[index].location = shortcodes.original(body.links[index].location)
                }
            }
            diagnostics += body.diagnostics
            return (document, body)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }
}

/// What loading one article file gave.
private struct LoadedFile {
    /// `nil` when it failed or is a draft left out.
    var article: Article?
    /// Its entry for the next build's cache.
    var cached: CachedArticle?
    /// Parsed this time, rather than taken from the cache.
    var parsed = false
    /// The cache had an entry for its path (changed or not).
    var inCache = false
    /// Taken from the cache with a new stamp (its digest matched).
    var restamped = false
    var diagnostics: [Diagnostic]
}

/// One slot per file, each written by exactly one thread.
private final class LoadSlots: @unchecked Sendable {
    private var slots: [LoadedFile]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: LoadedFile(diagnostics: []), count: count)
    }

    func set(_ index: Int, _ value: LoadedFile) {
        lock.withLock { slots[index] = value }
    }

    var all: [LoadedFile] { lock.withLock { slots } }
}
