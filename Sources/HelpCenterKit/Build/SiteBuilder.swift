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
}

/// Turns `Content/` and `Templates/` into the static site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into `options.outputPath`, replacing what was there only on success.
    public func build() throws(HelpCenterError) -> BuildReport {
        let config = try SiteConfigLoader.load(path: options.configPath)
        let templates = try TemplateSet.load(directory: options.templatesPath)
        let loader = ContentLoader(
            contentPath: options.contentPath, includeDrafts: options.includeDrafts, unsafeHTML: config.unsafeHTML)
        let (content, warnings) = try loader.load()
        let verification = try options.verificationPath.map { path throws(HelpCenterError) in
            try VerificationResults.load(path: path)
        }
        let pages = try renderPages(content, config: config, templates: templates, verification: verification)
        let assets = try AssetCollector.collect(from: options.templatesPath + "/assets")
        var files = pages
        for (path, data) in assets { files["assets/" + path] = data }
        let writer = OutputWriter(
            outputPath: options.outputPath,
            protectedPaths: [options.contentPath, options.templatesPath, options.configPath])
        try writer.write(files)
        return BuildReport(
            pages: pages.count, articles: content.articles.count, categories: content.categories.count,
            assets: assets.count, warnings: warnings)
    }

    /// Every page as `relative/path/index.html` -> bytes.
    func renderPages(
        _ content: SiteContent, config: SiteConfig, templates: TemplateSet, verification: VerificationResults? = nil
    ) throws(HelpCenterError) -> [String: Data] {
        let context = PageContext(config: config, content: content, verification: verification)
        var pages: [String: Data] = [:]
        pages["index.html"] = Data(try templates.render("home", context.home()).utf8)
        for category in content.categories {
            pages[category.relativeURL + "index.html"] = Data(
                try templates.render("category", context.category(category)).utf8)
            for article in category.articles {
                let html = try templates.render("article", context.article(article, in: category))
                pages[article.relativeURL + "index.html"] = Data(html.utf8)
            }
        }
        return pages
    }
}
