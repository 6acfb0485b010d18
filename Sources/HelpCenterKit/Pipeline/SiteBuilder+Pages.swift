import Foundation
import Synchronization

/// The full build's pages: every page rendered and written, articles on every core.
extension SiteBuilder {
    /// Renders every page, plus 404, sitemap, robots and alias redirects, into `writer` as
    /// each is ready.
    func writePages(
        _ content: SiteContent, config: SiteConfig, templates: TemplateSet, verification: VerificationResults? = nil,
        fingerprints: AssetFingerprints = AssetFingerprints([:]), resolver: LinkResolver? = nil,
        to writer: OutputWriter
    ) throws(HelpCenterError) {
        let resources = ContentResources(contentPath: options.contentPath)
        // The files beside articles first: their names (content hashes) go into the pages.
        for resource in try resources.readAll(content.resources.sorted()) {
            try writer.write(resource.published, resource.data)
        }
        let links = MarkdownLinkRewriter(
            resolver: resolver ?? LinkResolver(content: content, config: config, contentPath: options.contentPath),
            resources: resources)
        let context = PageContext(config: config, content: content, verification: verification, links: links)
        let templates = templates.renderingSiteWidePartialsOnce(with: context.siteWide())
        defer { ProcessLifetime.keep((context, templates)) }
        let root = config.rootPath
        var pages: Set<String> = []
        func page(_ path: String, _ html: [UInt8]) throws(HelpCenterError) {
            pages.insert(path)
            try writer.write(path, fingerprints.rewrite(html, root: root))
        }
        try page("index.html", templates.renderPage("home", context.home()))
        try page("404.html", templates.renderPage("404", context.notFound()))
        try page("search/index.html", templates.renderPage("search", context.search()))
        for category in content.categories {
            try page(category.relativeURL + "index.html", templates.renderPage("category", context.category(category)))
        }
        pages.formUnion(
            try writeArticles(content, context: context, templates: templates, fingerprints: fingerprints, to: writer))
        try writer.write("sitemap.xml", Array(SiteFiles.sitemap(content, config: config).utf8))
        try writer.write("robots.txt", Array(SiteFiles.robots(config: config).utf8))
        for article in content.articles {
            for alias in article.frontMatter.aliases {
                guard let file = SiteFiles.aliasFile(alias), pages.insert(file).inserted else { continue }
                let target = config.rootPath + article.relativeURL
                try writer.write(
                    file, Array(SiteFiles.redirect(to: target, canonical: config.baseURL + article.relativeURL).utf8))
            }
        }
    }

    /// Article pages rendered and written on every core. When pages fail, the error reported is
    /// the first in site order, so diagnostics never depend on which thread finished first.
    private func writeArticles(
        _ content: SiteContent, context: PageContext, templates: TemplateSet, fingerprints: AssetFingerprints,
        to writer: OutputWriter
    ) throws(HelpCenterError) -> [String] {
        let work = content.categories.flatMap { category in category.articles.map { (category, $0) } }
        let firstFailure = Mutex<(index: Int, error: HelpCenterError)?>(nil)
        let done = Mutex(0)
        let progress = self.progress
        let root = context.config.rootPath
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (category, article) = work[index]
            do throws(HelpCenterError) {
                let html = try templates.renderPage("article", context.article(article, in: category))
                try writer.write(article.relativeURL + "index.html", fingerprints.rewrite(html, root: root))
            } catch {
                firstFailure.withLock { first in
                    if first.map({ index < $0.index }) ?? true { first = (index, error) }
                }
            }
            let finished = done.withLock { value -> Int in
                value += 1
                return value
            }
            if finished % 100 == 0 || finished == work.count { progress(finished, work.count) }
        }
        if let failure = firstFailure.withLock({ $0 }) { throw failure.error }
        return work.map { $0.1.relativeURL + "index.html" }
    }
}
