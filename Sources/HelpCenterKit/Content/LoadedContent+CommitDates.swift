import Foundation

extension LoadedContent {
    /// Fills in each article's last commit date where its front matter gives no `lastmod`, and
    /// records the dates for the cache. Done once the articles are loaded, so that a build runs
    /// `git` while it parses them instead of waiting for it first.
    ///
    /// Dates are filed under real paths: a shared article linked in from another folder takes
    /// its target's date.
    mutating func fillCommitDates(_ dates: [String: Date], survey: ContentSurvey) {
        tracking.commitDates = dates
        guard !dates.isEmpty else { return }
        let positions = content.categoryPositions
        for case .category(let folder) in survey.steps {
            guard let position = positions[folder.key] else { continue }
            let resolvedFolder = (SymlinkGuard.resolve(folder.folder) ?? folder.folder) + "/"
            for index in content.categories[position].articles.indices {
                let path = content.categories[position].articles[index].sourcePath
                guard content.categories[position].articles[index].frontMatter.lastmod == nil else { continue }
                // `refunds.md`, or `refunds/index.md` for a page bundle.
                let name = LexicalPath.dropping(folder.folder.utf8.count + 1, from: path)
                let real = folder.maybeLinks.contains(name) ? SymlinkGuard.resolve(path) : resolvedFolder + name
                content.categories[position].articles[index].frontMatter.lastmod = real.flatMap { dates[$0] }
            }
        }
    }
}
