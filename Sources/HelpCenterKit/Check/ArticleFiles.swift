/// Finds an article's page by its category folder and file name.
///
/// A full build resolves every article's links, so it tables all 10,000 articles first. An
/// incremental build resolves a page's few: the table cost more than all of them, so each
/// looks through its category instead.
struct ArticleFiles: Sendable {
    private let content: SiteContent
    private let categories: [String: Int]
    /// Category folder -> article file name -> page URL (`nil` when not indexed).
    private let pages: [String: [String: String]]?

    init(_ content: SiteContent, indexed: Bool) {
        self.content = content
        categories = content.categoryPositions
        guard indexed else {
            pages = nil
            return
        }
        var byFile: [String: [String: String]] = [:]
        for category in content.categories {
            var pages: [String: String] = [:]
            pages.reserveCapacity(category.articles.count)
            for article in category.articles {
                pages[LexicalPath.fileName(of: article.sourcePath)] = article.relativeURL
            }
            byFile[category.key] = pages
        }
        pages = byFile
    }

    /// The page URL of `<folder>/<file>`, if it is an article.
    func page(folder: String, file: String) -> String? {
        if let pages { return pages[folder]?[file] }
        guard let position = categories[folder] else { return nil }
        return content.categories[position].articles.first { LexicalPath.fileName(of: $0.sourcePath) == file }?
            .relativeURL
    }
}
