import Foundation
import Synchronization

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable, Hashable {
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    public var configPath: String
    public var includeDrafts: Bool
    /// A `verify --report` file whose results the article pages show.
    public var verificationPath: String?
    /// Builds the search index; `nil` skips search.
    public var searchIndexer: SearchIndexer? = SearchIndexer()

    public init(
        contentPath: String = "Content",
        templatesPath: String = "Templates",
        outputPath: String = "Public",
        configPath: String = "site.yml",
        includeDrafts: Bool = false,
        verificationPath: String? = nil
    ) {
        self.verificationPath = verificationPath
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.configPath = configPath
        self.includeDrafts = includeDrafts
    }
}

/// What a build produced, for the one-line summary.
public struct BuildReport: Sendable, Hashable {
    public var pages: Int
    public var articles: Int
    public var categories: Int
    public var assets: Int
    public var warnings: [Diagnostic]
    /// Things the writer should know that did not stop the build (e.g. no search index).
    public var notes: [String] = []
}

/// Turns `Content/` and `Templates/` into the static site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called as pages render (done, total), for progress on long builds.
    public var progress: @Sendable (Int, Int) -> Void = { _, _ in }
    /// Tests only: see `OutputWriter.failAfterFiles`.
    var failAfterFiles: Int?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into `options.outputPath`, replacing what was there only on success.
    public func build() throws(HelpCenterError) -> BuildReport {
        let config = try SiteConfigLoader.load(path: options.configPath)
        let templates = try TemplateSet.load(directory: options.templatesPath)
        let loader = ContentLoader(contentPath: options.contentPath, includeDrafts: true, unsafeHTML: config.unsafeHTML)
        let (allContent, warnings) = try loader.load()
        let assets = try AssetCollector.collect(from: options.templatesPath + "/assets")
        try checkFirst(allContent, config: config, assets: Set(assets.keys))
        let content = options.includeDrafts ? allContent : allContent.withoutDrafts()
        let verification = try options.verificationPath.map { path throws(HelpCenterError) in
            try VerificationResults.load(path: path)
        }
        let fingerprints = AssetFingerprints(assets)
        let pages = try renderPages(
            content, config: config, templates: templates, verification: verification, fingerprints: fingerprints)
        var files = pages
        for (path, data) in assets { files["assets/" + (fingerprints.names[path] ?? path)] = data }
        let writer = OutputWriter(
            outputPath: options.outputPath,
            protectedPaths: [options.contentPath, options.templatesPath, options.configPath],
            failAfterFiles: failAfterFiles)
        var notes: [String] = []
        let indexer = options.searchIndexer
        try writer.write(files) { staging in
            if let note = indexer?.index(staging) { notes.append(note) }
        }
        return BuildReport(
            pages: 1 + content.categories.count + content.articles.count, articles: content.articles.count,
            categories: content.categories.count,
            assets: assets.count, warnings: warnings, notes: notes)
    }

    /// `helpcenter check`'s findings stop the build before anything is written.
    private func checkFirst(_ content: SiteContent, config: SiteConfig, assets: Set<String>) throws(HelpCenterError) {
        let problems = SiteChecker.problems(
            in: content, config: config, contentPath: options.contentPath, assets: assets
        ).filter { $0.severity == .error }
        guard problems.isEmpty else { throw HelpCenterError(problems) }
    }

    /// Every page as `relative/path/index.html` -> bytes, plus 404, sitemap, robots and
    /// alias redirects.
    func renderPages(
        _ content: SiteContent, config: SiteConfig, templates: TemplateSet, verification: VerificationResults? = nil,
        fingerprints: AssetFingerprints = AssetFingerprints([:])
    ) throws(HelpCenterError) -> [String: Data] {
        let context = PageContext(
            config: config, content: content, verification: verification,
            links: MarkdownLinkRewriter(content: content, config: config, contentPath: options.contentPath))
        let templates = templates.renderingSiteWidePartialsOnce(with: context.siteWide())
        var pages: [String: String] = [:]
        pages["index.html"] = try templates.render("home", context.home())
        pages["404.html"] = try templates.render("404", context.notFound())
        pages["search/index.html"] = try templates.render("search", context.search())
        for category in content.categories {
            pages[category.relativeURL + "index.html"] = try templates.render("category", context.category(category))
        }
        for (path, html) in try renderArticles(content, context: context, templates: templates) { pages[path] = html }
        var files = pages.mapValues { Data(fingerprints.rewrite($0, root: config.rootPath).utf8) }
        files["sitemap.xml"] = Data(SiteFiles.sitemap(content, config: config).utf8)
        files["robots.txt"] = Data(SiteFiles.robots(config: config).utf8)
        try addAliases(content, config: config, to: &files)
        return files
    }

    /// Article pages rendered on every core; results are placed by index, so the output never
    /// depends on which thread finished first.
    private func renderArticles(
        _ content: SiteContent, context: PageContext, templates: TemplateSet
    ) throws(HelpCenterError) -> [(String, String)] {
        let work = content.categories.flatMap { category in category.articles.map { (category, $0) } }
        let results = RenderSlots(count: work.count)
        let done = Mutex(0)
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (category, article) = work[index]
            results.set(
                index,
                Result { () throws(HelpCenterError) in
                    try templates.render("article", context.article(article, in: category))
                })
            let finished = done.withLock { value -> Int in
                value += 1
                return value
            }
            if finished % 100 == 0 || finished == work.count { progress(finished, work.count) }
        }
        var pages: [(String, String)] = []
        for (index, (_, article)) in work.enumerated() {
            pages.append((article.relativeURL + "index.html", try results.get(index).get()))
        }
        return pages
    }

    /// Redirect pages for every `aliases` entry (the check before the build refused colliding ones).
    private func addAliases(
        _ content: SiteContent, config: SiteConfig, to files: inout [String: Data]
    ) throws(HelpCenterError) {
        for article in content.articles {
            for alias in article.frontMatter.aliases {
                guard let file = SiteFiles.aliasFile(alias), files[file] == nil else { continue }
                let target = config.rootPath + article.relativeURL
                files[file] = Data(SiteFiles.redirect(to: target, canonical: config.baseURL + article.relativeURL).utf8)
            }
        }
    }
}

/// One result slot per page, each written by exactly one thread.
private final class RenderSlots: @unchecked Sendable {
    private var slots: [Result<String, HelpCenterError>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<String, HelpCenterError>) {
        lock.withLock { slots[index] = result }
    }

    func get(_ index: Int) -> Result<String, HelpCenterError> {
        lock.withLock { slots[index] }
            ?? .failure(HelpCenterError(.error("page not rendered", at: .init(path: "build"))))
    }
}
