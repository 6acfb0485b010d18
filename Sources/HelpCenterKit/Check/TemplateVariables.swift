import Foundation

/// Finds `{{variables}}` no page context provides: Mustache renders those as nothing, so a
/// typo like `{{page.titel}}` would silently blank part of every page.
enum TemplateVariables {
    /// Every name the page contexts define, at any level (sections push nested values).
    static let known: Set<String> = [
        "site", "page", "nav", "root", "canonicalURL", "metaDescription", "pageTitle", "intro", "categories",
        "category", "article", "breadcrumbs", "previous", "next", "related", "hasRelated", "hasPager", "hasCategories",
        "verification", "title", "url", "description", "articles", "text", "id", "level", "isSub", "complete",
        "manual", "tags", "params", "body", "toc", "hasToc", "kind", "lastmod", "lastmodISO", "ogType",
        "productName", "supportEmail", "language", "baseURL", "line", "readers", "method", "statements", "status",
        "verdict", "sections", "hasSections",
    ]

    static func unknown(in text: String, path: String) -> [Diagnostic] {
        MustacheTag.scan(text).compactMap { tag in
            guard ["", "{", "&", "#", "^"].contains(tag.sigil), tag.name != "." else { return nil }
            let first = String(tag.name.split(separator: ".").first ?? "")
            guard !known.contains(first), !tag.name.contains("params.") else { return nil }
            return .error(
                "unknown template variable '\(tag.name)': no page provides it, so it would render as nothing",
                at: SourceLocation(path: path, line: tag.line, column: tag.column))
        }
    }
}
