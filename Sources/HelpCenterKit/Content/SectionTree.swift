/// Sections as a tree: each listed in its parent, in the order readers see them, and no two
/// pages at one URL.
enum SectionTree {
    /// `sections` depth first: each followed by the sections in it, siblings in `order`. A
    /// section whose parent is not published (a headless `_index.md`) is listed in the
    /// nearest published one above it, or at the top.
    static func ordered(_ sections: [Category], order: (Category, Category) -> Bool) -> [Category] {
        let keys = Set(sections.map(\.key))
        var children: [String?: [Category]] = [:]
        for var section in sections {
            var parent = section.parentKey
            while let key = parent, !keys.contains(key) {
                parent = key.contains("/") ? LexicalPath.parent(of: key) : nil
            }
            section.parentKey = parent
            children[parent, default: []].append(section)
        }
        var result: [Category] = []
        result.reserveCapacity(sections.count)
        func visit(_ parent: String?) {
            for section in (children[parent] ?? []).sorted(by: order) {
                result.append(section)
                visit(section.key)
            }
        }
        visit(nil)
        return result
    }

    /// Errors for pages that would share a URL: two folders whose names give one URL
    /// (`Billing/` and `billing/`), or an article whose slug is a section's folder beside it.
    static func clashes(_ sections: [Category]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var folders: [String: String] = [:]
        for section in sections {
            if let other = folders[section.key] {
                diagnostics.append(
                    .error(
                        "URL /\(section.key)/ is also the URL of folder \(other): rename one of them",
                        at: SourceLocation(path: section.folder)))
            } else {
                folders[section.key] = section.folder
            }
        }
        // Only a section with sections in it can clash (10,000 articles are not looked up).
        let parents = Set(sections.compactMap(\.parentKey))
        for section in sections where parents.contains(section.key) {
            for article in section.articles where article.customURL == nil {
                guard let folder = folders[section.key + "/" + article.slug] else { continue }
                diagnostics.append(
                    .error(
                        "URL /\(article.relativeURL) is also the URL of section folder \(folder): change 'slug' or "
                            + "rename the folder",
                        at: SourceLocation(path: article.sourcePath, line: 1, column: 1)))
            }
        }
        return diagnostics + customURLClashes(sections)
    }

    /// A page whose `url` is another page's URL. Only sites that use `url` pay for the table.
    private static func customURLClashes(_ sections: [Category]) -> [Diagnostic] {
        guard sections.contains(where: { $0.articles.contains { $0.customURL != nil } }) else { return [] }
        var owners: [String: String] = [:]
        for section in sections { owners[section.relativeURL] = section.sourcePath ?? section.folder }
        var custom: [Article] = []
        for article in sections.flatMap(\.articles) {
            if article.customURL != nil {
                custom.append(article)
            } else {
                owners[article.relativeURL] = article.sourcePath
            }
        }
        var diagnostics: [Diagnostic] = []
        for article in custom {
            if let other = owners[article.relativeURL] {
                diagnostics.append(
                    .error(
                        "url /\(article.relativeURL) is also the URL of \(other): change 'url' in one of them",
                        at: SourceLocation(path: article.sourcePath, line: 1, column: 1)))
            } else {
                owners[article.relativeURL] = article.sourcePath
            }
        }
        return diagnostics
    }
}
