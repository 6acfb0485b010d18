import Foundation

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
    /// Re-render only what changed since the last build (see `BuildCache`); `false` rebuilds
    /// every page, as a clean build would (and records a fresh cache for the next build).
    public var useCache = true
    /// Replace a non-empty output folder that helpcenter did not build (`--force`).
    public var force = false

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
    /// Pages rendered and written by this build: all of them unless the build was incremental.
    public var rendered = 0
    /// Why every page was rebuilt (`nil` when only changed pages were).
    public var fullBuildReason: String? = nil
}

/// Turns `Content/` and `Templates/` into the static site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called as pages render (done, total), for progress on long builds.
    public var progress: @Sendable (Int, Int) -> Void = { _, _ in }
    /// Tests only: see `OutputWriter.failAfterFiles`.
    var failAfterFiles: Int?
    /// What `serve` keeps from one build to the next (see `BuildMemory`).
    public var memory: BuildMemory?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into `options.outputPath`. A full build replaces the folder only on
    /// success; when only some articles' bodies changed since the last build, only their pages
    /// are re-rendered and replaced, each atomically.
    ///
    /// The stages: start the reads (`BuildReads`), survey `Content/`, load the articles, plan
    /// (incremental or full), then render and publish the pages.
    public func build() throws(HelpCenterError) -> BuildReport {
        let lock = OutputLock(outputPath: options.outputPath)
        defer { withExtendedLifetime(lock) {} }
        // Whatever killed builds left beside the output goes first, whatever kind this build is.
        OutputWriter.removeAbandoned(next: URL(fileURLWithPath: options.outputPath).standardizedFileURL)
        let startedAt = Self.now()
        let generator = BuildCache.currentGenerator
        let reads = try BuildReads.start(options, memory: memory, generator: generator)
        let survey = Result { () throws(HelpCenterError) in try surveyContent(config: reads.config) }
        var site = try load(survey, reads: reads)
        defer { ProcessLifetime.keep((site.loaded, site.previous)) }
        let plan = IncrementalPlan.decide(
            previous: site.previous, inputs: site.inputs, output: FileStamp(path: options.outputPath), git: site.git,
            loaded: site.loaded.tracking)
        /// The next build's cache, from what was loaded last.
        func nextCache() -> BackgroundWork<ByteWriter> {
            let tracking = site.loaded.tracking
            return encodeInBackground { [site] in
                BuildCache(
                    generator: generator, inputs: site.inputs, startedAt: startedAt, git: site.git,
                    tracking: tracking, previous: site.previous)
            }
        }
        switch plan {
        case .pages(let paths):
            return try updatePages(
                paths, loaded: site.loaded, config: reads.config, templates: site.templates, assets: site.assets,
                verification: site.verification, cache: nextCache(), generator: generator)
        case .full(let reason):
            // Cached articles carry no body; a full build needs every one parsed and checked. The
            // cache is made after, from the articles as parsed: the cache's copies may hold what
            // an `_index.md` cascaded before it changed.
            if site.tookFromCache {
                let loader = contentLoader(config: reads.config, trusted: nil)
                site.loaded = try loader.loadTracked(survey.get())
                site.loaded.fillCommitDates(site.commitDates, survey: try survey.get())
            }
            let cache = nextCache()
            var report = try buildEverything(
                site.loaded, config: reads.config, templates: site.templates, assets: site.assets,
                verification: site.verification)
            report.fullBuildReason = options.useCache ? reason : "asked for with --full"
            save(cache, templates: site.templates, generator: generator, unlessSearchFailed: report.notes)
            return report
        }
    }

    /// The survey stage: `Content/` listed and every article stamped (see `ContentSurvey`),
    /// from `serve`'s memory when it saw every change.
    private func surveyContent(config: SiteConfig) throws(HelpCenterError) -> ContentSurvey {
        let loader = contentLoader(config: config, trusted: nil)
        if let memory { return try memory.survey(loader) }
        return try loader.survey()
    }

    /// The load stage: the articles load while the templates do, trusting the previous cache
    /// until the inputs digest says otherwise (then they load again, with nothing taken from
    /// it). Its errors come after the templates', the order a reader fixes them in.
    private func load(_ survey: Result<ContentSurvey, HelpCenterError>, reads: BuildReads) throws(HelpCenterError)
        -> LoadedSite
    {
        let previous = reads.previousCache.value
        // The cache's dates serve unless HEAD moved.
        let knownDates =
            reads.earlyDates == nil ? Self.commitDates(contentPath: options.contentPath, previous: previous) : nil
        var loader = contentLoader(config: reads.config, trusted: previous)
        let optimistic = Result { () throws(HelpCenterError) in try loader.loadTracked(survey.get()) }
        let (templates, assets, verification) = try reads.inputs.value.get()
        let inputs = BuildInputs.digest(
            options: options, configText: reads.configText, templates: templates, assets: assets,
            verification: verification)
        if let previous, previous.inputs != inputs {
            loader = contentLoader(config: reads.config, trusted: nil)
        }
        var loaded = try loader.reuse == nil && previous != nil ? loader.loadTracked(survey.get()) : optimistic.get()
        let (commitDates, git) = knownDates ?? reads.earlyDates?.value ?? ([:], nil)
        loaded.fillCommitDates(commitDates, survey: try survey.get())
        return LoadedSite(
            loaded: loaded, templates: templates, assets: assets, verification: verification, inputs: inputs,
            previous: previous, git: git, commitDates: commitDates, tookFromCache: loader.reuse != nil)
    }

    /// The next build's cache, assembled and encoded on the second core while this one renders.
    func encodeInBackground(_ cache: @escaping @Sendable () -> BuildCache) -> BackgroundWork<ByteWriter> {
        BackgroundWork { cache().encodedWithoutOutput() }
    }

    /// Completes and saves the cache for the output as it is now, and the compiled templates
    /// unless they came from their cache. A cache that cannot be written only costs the next
    /// build its shortcut.
    ///
    /// Not after a search index failed to build: it would describe other pages, and without a
    /// cache the next build is a full one and indexes again. (No Pagefind at all means no index
    /// in any build, which is consistent.)
    func save(
        _ cache: BackgroundWork<ByteWriter>, templates: TemplateSet, generator: String,
        unlessSearchFailed notes: [String]
    ) {
        memory?.forgetCache()
        guard notes.allSatisfy({ $0 == SearchIndexer.notInstalled }) else { return }
        guard let output = FileStamp(path: options.outputPath) else { return }
        if (try? BuildCache.save(cache.value, output: output, forOutput: options.outputPath)) != nil {
            memory?.rememberCache(cache.value, output: output, forOutput: options.outputPath)
        }
        if !templates.isRestored {
            try? TemplateCache.save(templates, forOutput: options.outputPath, generator: generator)
        }
    }

    /// A loader that takes unchanged articles from `trusted` (a cache written with the same
    /// inputs, as far as is known yet). It leaves the commit dates out: `build` fills them in.
    private func contentLoader(config: SiteConfig, trusted: BuildCache?) -> ContentLoader {
        var loader = ContentLoader(contentPath: options.contentPath, includeDrafts: true, unsafeHTML: config.unsafeHTML)
        loader.commitDates = [:]
        loader.reuse = trusted.map(ArticleReuse.init)
        return loader
    }

    /// The full build: every page into a staging folder, swapped in whole.
    private func buildEverything(
        _ loaded: LoadedContent, config: SiteConfig, templates: TemplateSet, assets: [String: Data],
        verification: VerificationResults?
    ) throws(HelpCenterError) -> BuildReport {
        let allContent = loaded.content
        // `helpcenter check`'s findings stop the build, reported before any other error. The
        // check runs on another core while the pages render into the staging folder, which is
        // discarded when it finds problems: nothing of such a build reaches the output.
        let resolver = LinkResolver(content: allContent, config: config, contentPath: options.contentPath)
        let checking = BackgroundWork { [options] in
            Self.checkFindings(
                in: allContent, config: config, contentPath: options.contentPath, assets: Set(assets.keys),
                resolver: resolver, onlyArticles: nil)
        }
        func passCheck() throws(HelpCenterError) {
            let problems = checking.value.filter { $0.severity == .error }
            guard problems.isEmpty else { throw HelpCenterError(problems) }
        }
        let content = options.includeDrafts ? allContent : allContent.withoutDrafts()
        defer { ProcessLifetime.keep((resolver, content)) }
        let fingerprints = AssetFingerprints(assets)
        let writer: OutputWriter
        do {
            // The writer makes the output's missing parent folders, which a failed build must not
            // leave behind: then the check comes first.
            if !FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: options.outputPath).deletingLastPathComponent().path)
            {
                try passCheck()
            }
            writer = try OutputWriter(
                outputPath: options.outputPath,
                protectedPaths: [options.contentPath, options.templatesPath, options.configPath], force: options.force,
                failAfterFiles: failAfterFiles)
        } catch {
            try passCheck()
            throw error
        }
        var notes: [String] = []
        do {
            try writePages(
                content, config: config, templates: templates, verification: verification, fingerprints: fingerprints,
                resolver: resolver, to: writer)
            for (path, data) in assets.sorted(by: { $0.key < $1.key }) {
                try writer.write("assets/" + (fingerprints.names[path] ?? path), data)
            }
            try passCheck()
        } catch {
            writer.discard()
            try passCheck()
            throw error
        }
        let indexer = options.searchIndexer
        // The old cache describes the old folder; gone before the swap, so no kill can pair
        // them with the new one.
        BuildCache.invalidate(forOutput: options.outputPath)
        let previousIndex = URL(fileURLWithPath: options.outputPath).appendingPathComponent("pagefind")
        try writer.commit { staging throws(HelpCenterError) in
            if let note = try indexer?.index(staging, previous: previousIndex) { notes.append(note) }
        }
        if let reason = writer.inPlaceReason {
            notes.append(
                "published inside \(options.outputPath) entry by entry: \(reason), so it cannot be replaced in one rename"
            )
        }
        let pages = 1 + content.categories.count + content.articleCount
        return BuildReport(
            pages: pages, articles: content.articleCount, categories: content.categories.count,
            assets: assets.count + content.resources.count,
            warnings: loaded.warnings + checking.value.filter { $0.severity == .warning },
            notes: notes, rendered: pages)
    }

    /// Wall-clock time in nanoseconds, comparable with file time stamps.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// `SiteChecker`'s findings: its errors stop a build, its warnings (broken links under
    /// `broken_links: warning`) are reported with the build's.
    static func checkFindings(
        in content: SiteContent, config: SiteConfig, contentPath: String, assets: Set<String>, resolver: LinkResolver,
        onlyArticles: Set<String>?
    ) -> [Diagnostic] {
        SiteChecker.problems(
            in: content, config: config, contentPath: contentPath, assets: assets, resolver: resolver,
            onlyArticles: onlyArticles)
    }
}
