/// Finds an article's page by its folder (relative to the content folder) and its file name in
/// it (`refunds.md`, or `refunds/index.md` for a page bundle).
///
/// A full build resolves every article's links, so it tables all 10,000 articles first. An
/// incremental build resolves a page's few: the table cost more than all of them, so each
/// looks through its section instead.
struct ArticleFiles: Sendable {
    private let content: SiteContent
    /// Each section's index in `content.categories`, by folder relative to the content folder.
    private let sections: [String: Int]
    /// Folder -> article file name -> page URL (`nil` when not indexed).
    private let pages: [String: [String: String]]?

    init(_ content: SiteContent, contentPath: String, indexed: Bool) {
        self.content = content
        // How long the content folder's own prefix is in a section's `folder` (`Content/`).
        let prefixLength = contentPath.hasSuffix("/") ? contentPath.utf8.count : contentPath.utf8.count + 1
        var sections: [String: Int] = [:]
        for (index, category) in content.categories.enumerated() {
            sections[LexicalPath.dropping(prefixLength, from: category.folder)] = index
        }
        self.sections = sections
        guard indexed else {
            pages = nil
            return
        }
        var byFile: [String: [String: String]] = [:]
        for category in content.categories {
            var pages: [String: String] = [:]
            pages.reserveCapacity(category.articles.count)
            let folderLength = category.folder.utf8.count + 1
            for article in category.articles {
                pages[LexicalPath.dropping(folderLength, from: article.sourcePath)] = article.relativeURL
            }
            byFile[LexicalPath.dropping(prefixLength, from: category.folder)] = pages
        }
        pages = byFile
    }

    /// The page URL of `<folder>/<file>`, if it is an article.
    func page(folder: String, file: String) -> String? {
        if let pages { return pages[folder]?[file] }
        guard let position = sections[folder] else { return nil }
        let category = content.categories[position]
        let folderLength = category.folder.utf8.count + 1
        return category.articles.first { LexicalPath.dropping(folderLength, from: $0.sourcePath) == file }?.relativeURL
    }
}
