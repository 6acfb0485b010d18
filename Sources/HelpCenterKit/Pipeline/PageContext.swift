import Foundation

/// Builds the values each template sees. Every URL is root-relative and starts with the
/// site's root path, so the site can live under a sub-path of its domain.
struct PageContext: Sendable {
    let config: SiteConfig
    let content: SiteContent
    var verification: VerificationResults?
    let links: MarkdownLinkRewriter
    private let related: RelatedArticles
    /// `config.rootPath`, parsed from the base URL once rather than for every link.
    private let rootPath: String
    /// Values that are the same on every page, built once.
    private var siteValues: TemplateValue = .null
    private var navValues: TemplateValue = .null
    /// Each section as an article page shows it (without its article list), by key.
    private var categoryValues: [String: TemplateValue] = [:]
    /// Each section's trail from the home page down to it, for breadcrumbs, by key.
    private var trails: [String: [TemplateValue]] = [:]
    /// The sections listed in each section's page, by key.
    private var subsections: [String: [TemplateValue]] = [:]
    /// The sections with articles that lists leave out (`build: {list: never}`), by key.
    private var withUnlisted: Set<String> = []

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
        rootPath = config.rootPath
        related = RelatedArticles(content.articles.filter(\.isListed), indexed: !fewPages)
        siteValues = site()
        navValues = .array(content.topCategories.map { summary(title: $0.linkTitle, url: $0.relativeURL) })
        let home = summary(title: "Home", url: "")
        // Depth first, so a section's parent is always done before it.
        for category in content.categories {
            categoryValues[category.key] = self.category(category, withArticles: false)
            if !category.articles.allSatisfy(\.isListed) { withUnlisted.insert(category.key) }
            let above = category.parentKey.flatMap { trails[$0] } ?? [home]
            trails[category.key] = above + [summary(title: category.linkTitle, url: category.relativeURL)]
            if let parent = category.parentKey, category.isListed {
                subsections[parent, default: []].append(sectionSummary(category))
            }
        }
    }

    /// What site-wide partials read (see `SiteWidePartials`): identical for every page.
    func siteWide() -> TemplateValue {
        .dictionary(["site": siteValues, "nav": navValues, "root": .string(rootPath)])
    }

    func home() -> TemplateValue {
        var context = base(title: config.title, description: content.home?.frontMatter.description, url: "")
        context["page"] = page(kind: "home", title: config.title, url: "", matter: content.home?.frontMatter)
        context["intro"] = .string(
            content.home.map { home in
                links.rewrite(home.body.html, body: home.body, page: "", sourcePath: home.sourcePath ?? "")
            } ?? "")
        context["categories"] = .array(content.topCategories.map { category($0, withArticles: true) })
        return .dictionary(context)
    }

    func search() -> TemplateValue {
        var context = base(title: "Search", description: "Search the \(config.title).", url: "search/")
        context["page"] = page(kind: "search", title: "Search", url: "search/", matter: nil)
        return .dictionary(context)
    }

    func notFound() -> TemplateValue {
        var context = base(title: "Page not found", description: nil, url: "404.html")
        context["page"] = page(kind: "404", title: "Page not found", url: "404.html", matter: nil)
        context["categories"] = .array(content.topCategories.map { category($0, withArticles: false) })
        context["hasCategories"] = .bool(!content.categories.isEmpty)
        return .dictionary(context)
    }

    func category(_ category: Category) -> TemplateValue {
        var context = base(
            title: category.title, description: category.frontMatter.description, url: category.relativeURL)
        context["page"] = page(
            kind: "category", title: category.title, url: category.relativeURL, matter: category.frontMatter)
        context["category"] = self.category(category, withArticles: true)
        context["breadcrumbs"] = .array((trails[category.key] ?? []).dropLast())
        return .dictionary(context)
    }

    func article(_ article: Article, in category: Category) -> TemplateValue {
        var context = base(title: article.title, description: article.frontMatter.description, url: article.relativeURL)
        context["page"] = page(
            kind: "article", title: article.title, url: article.relativeURL, matter: article.frontMatter)
        context["category"] = categoryValues[category.key] ?? self.category(category, withArticles: false)
        context["breadcrumbs"] = .array(trails[category.key] ?? [])
        let toc = article.body.tableOfContents.map { heading in
            TemplateValue.dictionary([
                "id": .string(heading.id), "text": .string(heading.text), "level": .int(heading.level),
                "isSub": .bool(heading.level > 2),
            ])
        }
        if let badge = verificationBadge(article) { context["verification"] = badge }
        // Unlisted pages (`build: {list: never}`) are in no pager, their own included.
        let siblings =
            withUnlisted.contains(category.key) ? category.articles.filter(\.isListed) : category.articles
        if let index = siblings.firstIndex(where: { $0.sourcePath == article.sourcePath }) {
            if index > 0 { context["previous"] = summary(siblings[index - 1]) }
            if index + 1 < siblings.count { context["next"] = summary(siblings[index + 1]) }
            context["hasPager"] = .bool(siblings.count > 1)
        }
        let related = self.related.related(to: article).map(summary)
        if !related.isEmpty {
            context["related"] = .array(related)
            context["hasRelated"] = .bool(true)
        }
        context["article"] = .dictionary([
            "body": .string(
                links.rewrite(
                    bodyWithMarks(article), body: article.body, page: article.relativeURL,
                    sourcePath: article.sourcePath)),
            "toc": .array(toc),
            "hasToc": .bool(toc.count > 1),
            "tags": .array(article.frontMatter.tags.map(TemplateValue.string)),
        ])
        return .dictionary(context)
    }

    private func summary(_ article: Article) -> TemplateValue {
        summary(title: article.linkTitle, url: article.relativeURL)
    }

    /// A section as its parent's page lists it.
    private func sectionSummary(_ category: Category) -> TemplateValue {
        listItem(title: category.linkTitle, url: category.relativeURL, description: category.frontMatter.description)
    }

    /// A title, a link and the description if there is one: a section's lists.
    private func listItem(title: String, url: String, description: String?) -> TemplateValue {
        var item: [String: TemplateValue] = ["title": .string(title), "url": .string(link(url))]
        if let description { item["description"] = .string(description) }
        return .dictionary(item)
    }

    /// A title and a link: breadcrumbs, navigation, pager and related articles.
    private func summary(title: String, url: String) -> TemplateValue {
        .dictionary(["title": .string(title), "url": .string(link(url))])
    }

    // MARK: Verification

    private var notice: VerificationNotice? {
        verification.map { VerificationNotice(results: $0, display: config.verificationDisplay) }
    }

    private func verificationBadge(_ article: Article) -> TemplateValue? {
        notice?.value(for: article.body.claims)
    }

    /// The body with a small mark after each sentence whose claim was verified as written,
    /// named for screen readers and explained in a tooltip, and after a step in the product's
    /// screens, the screen as verify saw it.
    private func bodyWithMarks(_ article: Article) -> String {
        guard let verification, let notice, config.verificationDisplay != .off else { return article.body.html }
        var bytes = Array(article.body.html.utf8)
        let marks = article.body.claims.filter(verification.verified).compactMap { claim in
            article.body.claimOffsets[claim.id].map { (offset: $0, claim: claim) }
        }
        let label = MarkupEscaping.escape(notice.markLabel)
        for mark in marks.sorted(by: { ($0.offset, $0.claim.id) > ($1.offset, $1.claim.id) }) {
            var html =
                #" <span class="claim-mark" data-claim="\#(mark.claim.id)" data-pagefind-ignore role="img" aria-label="\#(label)" title="\#(label)">✓</span>"#
            if let screen = verification.screenshot(of: mark.claim) { html += stepScreen(screen, of: mark.claim) }
            bytes.insert(contentsOf: Array(html.utf8), at: min(mark.offset, bytes.count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A small picture of the step's screen that opens full size; its `alt` is the step.
    private func stepScreen(
        _ screen: (asset: String, size: VerificationResults.PixelSize), of claim: Claim
    ) -> String {
        let source = "\(rootPath)assets/\(screen.asset)"
        return #"<a class="step-screen" href="\#(source)" data-pagefind-ignore>"#
            + #"<img src="\#(source)" alt="\#(MarkupEscaping.escape(claim.text))" width="\#(screen.size.width)" "#
            + #"height="\#(screen.size.height)" loading="lazy" decoding="async"></a>"#
    }

    // MARK: Pieces

    private func base(title: String, description: String?, url: String) -> [String: TemplateValue] {
        [
            "site": siteValues,
            "nav": navValues,
            "root": .string(rootPath),
            "canonicalURL": .string(config.baseURL + url),
            "pageTitle": .string(title),
            "metaDescription": .string(description ?? ""),
        ]
    }

    private func site() -> TemplateValue {
        var site: [String: TemplateValue] = [
            "title": .string(config.title),
            "productName": .string(config.productName),
            "language": .string(config.language),
            "baseURL": .string(config.baseURL),
            "params": .dictionary(config.params),
        ]
        if let email = config.supportEmail { site["supportEmail"] = .string(email) }
        return .dictionary(site)
    }

    private func page(kind: String, title: String, url: String, matter: FrontMatter?) -> TemplateValue {
        var page: [String: TemplateValue] = [
            "kind": .string(kind), "title": .string(title), "url": .string(link(url)),
            "ogType": .string(kind == "article" ? "article" : "website"),
            "params": .dictionary(matter?.params ?? [:]),
        ]
        if let description = matter?.description { page["description"] = .string(description) }
        if let lastmod = matter?.lastmod {
            page["lastmod"] = .string(Self.displayDate(lastmod))
            page["lastmodISO"] = .string(Self.isoDate(lastmod))
        }
        return .dictionary(page)
    }

    private func category(_ category: Category, withArticles: Bool) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "title": .string(category.title), "url": .string(link(category.relativeURL)),
            "intro": .string(
                links.rewrite(
                    category.body.html, body: category.body, page: category.relativeURL,
                    sourcePath: category.sourcePath ?? "")),
        ]
        if let description = category.frontMatter.description { values["description"] = .string(description) }
        if withArticles {
            let sections = subsections[category.key] ?? []
            values["sections"] = .array(sections)
            values["hasSections"] = .bool(!sections.isEmpty)
            values["articles"] = .array(
                category.articles.filter(\.isListed).map { article in
                    listItem(
                        title: article.linkTitle, url: article.relativeURL,
                        description: article.frontMatter.description)
                })
        }
        return .dictionary(values)
    }

    private func link(_ relativeURL: String) -> String {
        rootPath + relativeURL
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
