import Yams

/// Parses the front matter of one Markdown file into a `SourceDocument`.
public enum FrontMatterParser {
    /// Splits `text` into front matter and body and reads the front matter's fields.
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - path: The file's path, used in diagnostics.
    /// - Throws: `HelpCenterError` listing every problem in the block, each at `path:line:col`.
    ///   - cascade: what the folder's `_index.md` passes down (`FrontMatter.cascade`).
    public static func parse(
        _ text: String, path: String, cascade: [String: TemplateValue] = [:]
    ) throws(HelpCenterError) -> SourceDocument {
        let parts = try FrontMatterSplitter.split(text, path: path)
        var reader = YAMLReader(path: path, lineOffset: 1)
        guard let mapping = reader.mapping(from: parts.yaml) else {
            throw HelpCenterError(reader.diagnostics)
        }
        let frontMatter = read(mapping, cascade: cascade, with: &reader)
        guard let frontMatter, reader.diagnostics.isEmpty else {
            throw HelpCenterError(reader.diagnostics)
        }
        return SourceDocument(frontMatter: frontMatter, body: parts.body, bodyLineOffset: parts.bodyLineOffset)
    }

    private static func read(
        _ mapping: Node.Mapping, cascade: [String: TemplateValue], with reader: inout YAMLReader
    ) -> FrontMatter? {
        var title: String?
        var hasTitleKey = false
        var matter = FrontMatter(title: "")
        for (keyNode, node) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                hasTitleKey = true
                title = reader.string(key, node)
                if title?.trimmingCharacters(in: .whitespaces).isEmpty ?? true, case .scalar = node {
                    reader.report("'title' is empty: give the page a title", at: node.mark)
                }
            case "description": matter.description = reader.string(key, node)
            case "weight": matter.weight = reader.int(key, node) ?? 0
            case "slug": matter.slug = readSlug(node, with: &reader)
            case "draft": matter.draft = reader.bool(key, node) ?? false
            case "aliases": matter.aliases = readAliases(node, with: &reader)
            case "url": matter.params[key] = readURL(node, with: &reader).map(TemplateValue.string)
            case "tags": matter.tags = reader.strings(key, node) ?? []
            case "lastmod": matter.lastmod = reader.date(key, node)
            default: matter.params[key] = reader.value(node)
            }
        }
        // An `_index.md` takes its own cascade too, as Hugo's `_common/` folders expect.
        matter = matter.cascading(cascade).cascading(matter.cascade)
        guard let title else {
            guard !hasTitleKey else { return nil }
            // A page that is never written needs no title (a headless folder of snippets).
            if !matter.isRendered {
                matter.title = suggestedTitle(for: reader.path)
                return matter
            }
            reader.report(
                "missing 'title': add a line like 'title: \(suggestedTitle(for: reader.path))' (the page's title, as "
                    + "readers will see it) to the front matter",
                at: mapping.mark)
            return nil
        }
        matter.title = title
        return matter
    }

    /// A title made from the file's name (`refund-policy.md` -> "Refund policy"), or its
    /// folder's for an `_index.md`, so the hint fits the file it is about.
    static func suggestedTitle(for path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        var name = parts.last ?? path
        if name.hasSuffix(".md") { name.removeLast(3) }
        if name == "_index" || name == "index", parts.count > 1 { name = parts[parts.count - 2] }
        return URLSegment.title(from: name)
    }

    /// A slug is one URL segment: letters, digits, `-`, `_` and `.`, nothing that escapes the folder.
    private static func readSlug(_ node: Node, with reader: inout YAMLReader) -> String? {
        guard let slug = reader.string("slug", node) else { return nil }
        guard URLSegment.isValid(slug) else {
            reader.report(
                "'slug' must be one URL segment of letters, digits, '-', '_' or '.', found '\(slug)'",
                at: node.mark)
            return nil
        }
        return slug
    }

    /// Hugo's `url`: the page's whole path, which must stay inside the site like an alias and
    /// off the site's own pages (`/search/`, `/pagefind/`).
    private static func readURL(_ node: Node, with reader: inout YAMLReader) -> String? {
        guard let url = reader.string("url", node) else { return nil }
        if let top = url.split(separator: "/").first.map(String.init), SiteFiles.reservedNames.contains(top) {
            reader.report("'url' \(url) is inside the site's own /\(top)/: choose another path", at: node.mark)
            return nil
        }
        guard SiteFiles.aliasFile(url) != nil else {
            reader.report(
                "'url' must be a path inside the site like /guides/page/ (letters, digits, '-', '_' or '.' "
                    + "between slashes, no '..'), found '\(url)'",
                at: node.mark)
            return nil
        }
        return url
    }

    /// Aliases become files in the output folder, so each must stay inside it: site paths made
    /// of URL segments, never `..`, `//` or a scheme.
    private static func readAliases(_ node: Node, with reader: inout YAMLReader) -> [String] {
        guard let aliases = reader.strings("aliases", node) else { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        for (alias, item) in zip(aliases, items) where SiteFiles.aliasFile(alias) == nil {
            reader.report(
                "alias '\(alias)' is not a path inside the site: write it like /old/page/ "
                    + "(letters, digits, '-', '_' or '.' between slashes, no '..')",
                at: item.mark)
        }
        return aliases
    }
}
