/// The pages a link can point at, with what the link checks read of each: its headings (for
/// anchors) and whether it is a draft.
///
/// A full build checks every page's links, so it builds a table of all pages first. An
/// incremental build checks a page or two: a table of 10,000 URLs cost more than all of their
/// lookups, so it finds each target in its section instead (`<section>/<slug>/`).
struct LinkTargets {
    struct Page {
        var headings: [Heading]
        var draft: Bool
    }

    private let content: SiteContent
    private let table: [String: Page]?
    private let categories: [String: Int]

    /// Articles with a `url` of their own, which their section does not find.
    private let custom: [String: Page]

    init(_ content: SiteContent, indexed: Bool) {
        self.content = content
        categories = content.categoryPositions
        guard indexed else {
            table = nil
            var custom: [String: Page] = [:]
            for category in content.categories {
                for article in category.articles where article.customURL != nil {
                    custom[article.relativeURL] = Page(
                        headings: article.body.headings, draft: article.frontMatter.draft)
                }
            }
            self.custom = custom
            return
        }
        custom = [:]
        var pages: [String: Page] = ["": Page(headings: content.home?.body.headings ?? [], draft: false)]
        pages.reserveCapacity(content.categories.reduce(2) { $0 + 1 + $1.articles.count })
        pages["search/"] = Page(headings: [], draft: false)
        for category in content.categories {
            pages[category.relativeURL] = Page(headings: category.body.headings, draft: false)
            for article in category.articles {
                pages[article.relativeURL] = Page(headings: article.body.headings, draft: article.frontMatter.draft)
            }
        }
        table = pages
    }

    /// Every page's URL (a full build's table only).
    var urls: Set<String> { table.map { Set($0.keys) } ?? [] }

    subscript(url: String) -> Page? {
        if let table { return table[url] }
        if url.isEmpty { return Page(headings: content.home?.body.headings ?? [], draft: false) }
        // A section's page, or an article in the section its URL's folder names.
        guard url.utf8.last == UInt8(ascii: "/") else { return nil }
        if let page = custom[url] { return page }
        let path = String(Substring(url.utf8.dropLast()))
        if let index = categories[path] { return Page(headings: content.categories[index].body.headings, draft: false) }
        // The search page (no folder can take its name).
        if url == "search/" { return Page(headings: [], draft: false) }
        guard let index = categories[LexicalPath.parent(of: path)] else { return nil }
        let category = content.categories[index]
        let slug = LexicalPath.fileName(of: path)
        let article = category.articles.first { $0.slug == slug && $0.customURL == nil }
        return article.map { Page(headings: $0.body.headings, draft: $0.frontMatter.draft) }
    }
}
