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
        "productName", "supportEmail", "language", "baseURL",
    ]

    static func unknown(in text: String, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\{\{\{?\s*([#^&]?)\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}?\}\}/) {
                let name = String(match.output.2)
                let first = String(name.split(separator: ".").first ?? "")
                guard !known.contains(first), !name.contains("params.") else { continue }
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                diagnostics.append(
                    .error(
                        "unknown template variable '\(name)': no page provides it, so it would render as nothing",
                        at: SourceLocation(path: path, line: index + 1, column: column)))
            }
        }
        return diagnostics
    }
}
