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

    /// `true` when `text` reads only site-wide values (see the type's comment).
    static func isSiteWide(_ text: String) -> Bool {
        var sections: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].hasPrefix("{")
            let nameStart = rest.index(open.upperBound, offsetBy: triple ? 1 : 0)
            guard let close = rest[nameStart...].range(of: triple ? "}}}" : "}}") else { return false }
            var tag = rest[nameStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            let sigil = tag.first.map(String.init) ?? ""
            switch sigil {
            case "!":
                continue
            case ">", "<", "$", "=":
                return false
            case "#", "^", "/", "&":
                tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            default:
                break
            }
            if sigil == "/" {
                guard sections.last == tag else { return false }
                sections.removeLast()
                continue
            }
            guard resolvesSiteWide(tag, inside: sections) else { return false }
            if sigil == "#" || sigil == "^" {
                guard tag == "nav" || tag == "root" || isSiteScalar(tag) else { return false }
                sections.append(tag)
            }
        }
        return sections.isEmpty
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
