import Foundation

extension SiteBuilder {
    /// The incremental build: only `paths`' pages are rendered, each written over its old
    /// version atomically (a temporary file renamed into place). The cache is deleted first and
    /// written again last, so a build stopped half-way is followed by a full one.
    func updatePages(
        _ paths: [String], loaded: LoadedContent, config: SiteConfig, templates: TemplateSet, assets: [String: Data],
        verification: VerificationResults?, cache: BackgroundWork<ByteWriter>, generator: String
    ) throws(HelpCenterError) -> BuildReport {
        // The changed pages' links are checked on another core while the pages render. Nothing
        // is written before the check passes, and its findings are reported before any other.
        let resolver = LinkResolver(
            content: loaded.content, config: config, contentPath: options.contentPath, indexed: false)
        let checking = BackgroundWork { [options] in
            Self.checkFindings(
                in: loaded.content, config: config, contentPath: options.contentPath, assets: Set(assets.keys),
                resolver: resolver, onlyArticles: Set(paths))
        }
        let content = options.includeDrafts ? loaded.content : loaded.content.withoutDrafts()
        defer { ProcessLifetime.keep((resolver, content)) }
        let work = content.articles(at: Set(paths))
        let context = PageContext(
            config: config, content: content, verification: verification,
            links: MarkdownLinkRewriter(
                resolver: resolver, resources: ContentResources(contentPath: options.contentPath)),
            fewPages: true)
        let pageTemplates = work.isEmpty ? templates : templates.renderingSiteWidePartialsOnce(with: context.siteWide())
        defer { ProcessLifetime.keep(context) }
        let fingerprints = AssetFingerprints(assets)
        let rendered = Result { () throws(HelpCenterError) -> [(path: String, html: [UInt8])] in
            try work.map { (category, article) throws(HelpCenterError) in
                let html = try pageTemplates.renderPage("article", context.article(article, in: category))
                return (article.relativeURL + "index.html", fingerprints.rewrite(html, root: config.rootPath))
            }
        }
        let problems = checking.value.filter { $0.severity == .error }
        guard problems.isEmpty else { throw HelpCenterError(problems) }
        let pages = try rendered.get()
        var notes: [String] = []
        if !pages.isEmpty {
            BuildCache.invalidate(forOutput: options.outputPath)
            let writer = PageReplacer(outputPath: options.outputPath)
            for page in pages { try writer.replace(page.path, with: page.html) }
        }
        // Index again when pages changed, or when there is no index yet (Pagefind was missing
        // at the last build and may be installed now); `reindex` keeps the index when the
        // changed pages' indexed text did not change.
        if let indexer = options.searchIndexer,
            !pages.isEmpty || !FileManager.default.fileExists(atPath: options.outputPath + "/pagefind"),
            let note = indexer.reindex(URL(fileURLWithPath: options.outputPath))
        {
            notes.append(note)
        }
        save(cache, templates: templates, generator: generator, unlessSearchFailed: notes)
        return BuildReport(
            pages: 1 + content.categories.count + content.articleCount, articles: content.articleCount,
            categories: content.categories.count, assets: assets.count,
            warnings: loaded.warnings + checking.value.filter { $0.severity == .warning }, notes: notes,
            rendered: pages.count)
    }
}
