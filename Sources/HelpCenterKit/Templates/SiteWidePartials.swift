import Foundation

/// Finds partials whose output is the same on every page (the header with its category nav,
/// the footer), so a build renders them once instead of once per page: on a 10,000-article site
/// the nav alone was most of the Mustache work.
///
/// A partial qualifies when every name it reads resolves to a site-wide value: `site.*`, `root`,
/// `nav`, and inside `{{#nav}}` the item's own `title`/`url`. Anything else (another partial, a
/// block, a delimiter change, `site.params`, a page value) keeps it rendered per page.
enum SiteWidePartials {
    /// Top-level names whose values never change within a build.
    static let siteWideNames: Set<String> = ["site", "root", "nav"]
    /// Keys of each `nav` item.
    static let navItemKeys: Set<String> = ["title", "url"]
    /// `site` values that are plain text, so a section over them pushes nothing with children.
    static let siteScalars: Set<String> = ["title", "productName", "language", "baseURL", "supportEmail"]

    /// The partials of `sources` that can be rendered once: they read only site-wide values, and
    /// every template includes them at the start of a line (Mustache indents an indented
    /// standalone partial line by line, which fixed text would not reproduce) and outside any
    /// section (whose values could shadow `site`, `root` or `nav`).
    static func names(in sources: [TemplateSource]) -> Set<String> {
        let references = sources.flatMap { PartialReferences.references(in: $0.text) }
        return Set(
            sources.filter { source in
                source.name.hasPrefix("partials/") && isSiteWide(source.text)
                    && references.filter { $0.name == source.name }.allSatisfy { $0.column == 1 && $0.depth == 0 }
            }.map(\.name))
    }

    /// `true` when `text` reads only site-wide values (see the type's comment).
    static func isSiteWide(_ text: String) -> Bool {
        var sections: [String] = []
        for tag in MustacheTag.scan(text) {
            switch tag.sigil {
            case "!":
                continue
            case ">", "<", "$", "=":
                return false
            case "/":
                guard sections.last == tag.name else { return false }
                sections.removeLast()
                continue
            default:
                break
            }
            guard resolvesSiteWide(tag.name, inside: sections) else { return false }
            if tag.sigil == "#" || tag.sigil == "^" {
                guard tag.name == "nav" || tag.name == "root" || isSiteScalar(tag.name) else { return false }
                sections.append(tag.name)
            }
        }
        return sections.isEmpty && isComplete(text)
    }

    /// Every `{{` has its closing braces (an unclosed tag ends the scan early).
    private static func isComplete(_ text: String) -> Bool {
        text.components(separatedBy: "{{").count - 1 == MustacheTag.scan(text).count
    }

    private static func resolvesSiteWide(_ name: String, inside sections: [String]) -> Bool {
        let first = String(name.split(separator: ".", maxSplits: 1).first ?? "")
        if sections.last == "nav", name == "." || navItemKeys.contains(first) { return true }
        if name == "." { return sections.last.map(isSiteScalar) ?? false }
        guard siteWideNames.contains(first) else { return false }
        return first != "site" || name == "site" || isSiteScalar(name)
    }

    private static func isSiteScalar(_ name: String) -> Bool {
        name.hasPrefix("site.") && siteScalars.contains(String(name.dropFirst("site.".count)))
    }
}
