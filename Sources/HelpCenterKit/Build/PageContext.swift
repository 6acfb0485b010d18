import Foundation

/// Builds the values each template sees. Every URL is root-relative and starts with the
/// site's root path, so the site can live under a sub-path of its domain.
///
/// `@unchecked Sendable`: the precomputed `[String: Any]` values hold only strings, numbers,
/// arrays and dictionaries, are set in `init` and never change, so threads can share them.
struct PageContext: @unchecked Sendable {
    let config: SiteConfig
    let content: SiteContent
    var verification: VerificationResults?
    let links: MarkdownLinkRewriter
    private let related: RelatedArticles
    /// Values that are the same on every page, built once.
    private var siteValues: [String: Any] = [:]
    private var navValues: [[String: Any]] = []
    /// Each category as an article page shows it (without its article list), by key.
    private var categoryValues: [String: [String: Any]] = [:]

    /// - Parameter fewPages: only a page or two will be rendered (an incremental build), so
    ///   nothing is indexed ahead for related articles.
    init(
        config: SiteConfig, content: SiteContent, verification: VerificationResults? = nil,
        links: MarkdownLinkRewriter, fewPages: Bool = false
    ) {
        self.config = config
        self.content = content
        self.verification = verification
        self.links = links
        related = RelatedArticles(content.articles, indexed: !fewPages)
        siteValues = site()
        navValues = content.categories.map { ["title": $0.title, "url": link($0.relativeURL)] }
        for category in content.categories {
            categoryValues[category.key] = self.category(category, withArticles: false)
        }
    }

    /// What site-wide partials read (see `SiteWidePartials`): identical for every page.
    func siteWide() -> [String: Any] {
        ["site": siteValues, "nav": navValues, "root": config.rootPath]
    }

    func home() -> [String: Any] {
        var context = base(title: config.title, description: content.home?.frontMatter.description, url: "")
        context["page"] = page(kind: "home", title: config.title, url: "", matter: content.home?.frontMatter)
        context["intro"] =
            content.home.map { home in
                links.rewrite(home.body.html, body: home.body, page: "", sourcePath: home.sourcePath ?? "")
            } ?? ""
        context["categories"] = content.categories.map { category($0, withArticles: true) }
        return context
    }

    func search() -> [String: Any] {
        var context = base(title: "Search", description: "Search the \(config.title).", url: "search/")
        context["page"] = page(kind: "search", title: "Search", url: "search/", matter: nil)
        return context
    }

    func notFound() -> [String: Any] {
        var context = base(title: "Page not found", description: nil, url: "404.html")
        context["page"] = page(kind: "404", title: "Page not found", url: "404.html", matter: nil)
        context["categories"] = content.categories.map { category($0, withArticles: false) }
        context["hasCategories"] = !content.categories.isEmpty
        return context
    }

    func category(_ category: Category) -> [String: Any] {
        var context = base(
            title: category.title, description: category.frontMatter.description, url: category.relativeURL)
        context["page"] = page(
            kind: "category", title: category.title, url: category.relativeURL, matter: category.frontMatter)
        context["category"] = self.category(category, withArticles: true)
        context["breadcrumbs"] = [crumb("Home", "")]
        return context
    }

    func article(_ article: Article, in category: Category) -> [String: Any] {
        var context = base(title: article.title, description: article.frontMatter.description, url: article.relativeURL)
        context["page"] = page(
            kind: "article", title: article.title, url: article.relativeURL, matter: article.frontMatter)
        context["category"] = categoryValues[category.key] ?? self.category(category, withArticles: false)
        context["breadcrumbs"] = [crumb("Home", ""), crumb(category.title, category.relativeURL)]
        let toc = article.body.tableOfContents.map { heading in
            ["id": heading.id, "text": heading.text, "level": heading.level, "isSub": heading.level > 2]
                as [String: Any]
        }
        if let badge = verificationBadge(article) { context["verification"] = badge }
        let siblings = category.articles
        if let index = siblings.firstIndex(where: { $0.sourcePath == article.sourcePath }) {
            if index > 0 { context["previous"] = summary(siblings[index - 1]) }
            if index + 1 < siblings.count { context["next"] = summary(siblings[index + 1]) }
            context["hasPager"] = siblings.count > 1
        }
        let related = self.related.related(to: article).map(summary)
        if !related.isEmpty {
            context["related"] = related
            context["hasRelated"] = true
        }
        context["article"] =
            [
                "body": links.rewrite(
                    bodyWithMarks(article), body: article.body, page: article.relativeURL,
                    sourcePath: article.sourcePath),
                "toc": toc,
                "hasToc": toc.count > 1,
                "tags": article.frontMatter.tags,
            ] as [String: Any]
        return context
    }

    private func summary(_ article: Article) -> [String: Any] {
        ["title": article.title, "url": link(article.relativeURL)]
    }

    // MARK: Verification

    /// "Verified against Zoom (mock) on 25 November 2026: 17 of 17 claims".
    private func verificationBadge(_ article: Article) -> [String: Any]? {
        guard let verification else { return nil }
        let checked = article.body.claims.filter { !$0.isManual }
        guard !checked.isEmpty else { return nil }
        let verified = checked.filter(verification.verified).count
        let manual = article.body.claims.count - checked.count
        return [
            "text": "Verified against Zoom (\(verification.backend)) on \(verification.displayDate): "
                + "\(verified) of \(checked.count) claims",
            "complete": verified == checked.count,
            "manual": manual > 0 ? "\(manual) steps in the product's screens are checked by hand" : "",
        ]
    }

    /// The body with a small mark after each sentence whose claim was verified as written.
    private func bodyWithMarks(_ article: Article) -> String {
        guard let verification else { return article.body.html }
        var bytes = Array(article.body.html.utf8)
        let marks = article.body.claims.filter(verification.verified).compactMap { claim in
            article.body.claimOffsets[claim.id].map { (offset: $0, id: claim.id) }
        }
        for mark in marks.sorted(by: { ($0.offset, $0.id) > ($1.offset, $1.id) }) {
            let html =
                #" <span class="claim-mark" data-claim="\#(mark.id)" title="Verified against Zoom (\#(verification.backend))">✓</span>"#
            bytes.insert(contentsOf: Array(html.utf8), at: min(mark.offset, bytes.count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Pieces

    private func base(title: String, description: String?, url: String) -> [String: Any] {
        [
            "site": siteValues,
            "nav": navValues,
            "root": config.rootPath,
            "canonicalURL": config.baseURL + url,
            "pageTitle": title,
            "metaDescription": description ?? "",
        ]
    }

    private func site() -> [String: Any] {
        var site: [String: Any] = [
            "title": config.title,
            "productName": config.productName,
            "language": config.language,
            "baseURL": config.baseURL,
            "params": config.params.mapValues(\.mustacheValue),
        ]
        if let email = config.supportEmail { site["supportEmail"] = email }
        return site
    }

    private func page(kind: String, title: String, url: String, matter: FrontMatter?) -> [String: Any] {
        var page: [String: Any] = [
            "kind": kind, "title": title, "url": link(url), "ogType": kind == "article" ? "article" : "website",
            "params": matter?.params.mapValues(\.mustacheValue) ?? [:],
        ]
        if let description = matter?.description { page["description"] = description }
        if let lastmod = matter?.lastmod {
            page["lastmod"] = Self.displayDate(lastmod)
            page["lastmodISO"] = Self.isoDate(lastmod)
        }
        return page
    }

    private func category(_ category: Category, withArticles: Bool) -> [String: Any] {
        var values: [String: Any] = [
            "title": category.title, "url": link(category.relativeURL),
            "intro": links.rewrite(
                category.body.html, body: category.body, page: category.relativeURL,
                sourcePath: category.sourcePath ?? ""),
        ]
        if let description = category.frontMatter.description { values["description"] = description }
        if withArticles {
            values["articles"] = category.articles.map { article in
                var item: [String: Any] = ["title": article.title, "url": link(article.relativeURL)]
                if let description = article.frontMatter.description { item["description"] = description }
                return item
            }
        }
        return values
    }

    private func crumb(_ title: String, _ url: String) -> [String: Any] {
        ["title": title, "url": link(url)]
    }

    private func link(_ relativeURL: String) -> String {
        config.rootPath + relativeURL
    }

    /// `25 November 2026`, in UTC so the output never depends on the build machine's zone.
    static func displayDate(_ date: Date) -> String {
        date.formatted(displayStyle)
    }

    static func isoDate(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// `25 November 2026` in UTC, built once (formatters are costly to create per page).
    private static let displayStyle = Date.VerbatimFormatStyle(
        format: "\(day: .defaultDigits) \(month: .wide) \(year: .defaultDigits)",
        locale: Locale(identifier: "en_US_POSIX"),
        timeZone: TimeZone(identifier: "UTC")!, calendar: Calendar(identifier: .gregorian))
}
