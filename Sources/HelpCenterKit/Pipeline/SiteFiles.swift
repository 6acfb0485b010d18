import Foundation

/// The site's machine-readable files: sitemap, robots and alias redirects.
enum SiteFiles {
    /// What the build writes at the top of the site besides categories: a category folder or an
    /// alias there would overwrite it (a `search` category replaced the search page) or be
    /// overwritten (`pagefind/` is the search index).
    static let reservedNames: Set<String> = ["search", "assets", "pagefind", "404.html", "sitemap.xml", "robots.txt"]

    /// `sitemap.xml`: every page, in site order, with its last-modified date when known.
    static func sitemap(_ content: SiteContent, config: SiteConfig) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        func add(_ relative: String, _ date: Date?) {
            xml += "  <url><loc>\(MarkupEscaping.escape(config.baseURL + relative))</loc>"
            if let date { xml += "<lastmod>\(PageContext.isoDate(date))</lastmod>" }
            xml += "</url>\n"
        }
        add("", nil)
        // What lists leave out (`build: {list: never}`), the sitemap does too, as in Hugo.
        for category in content.categories {
            if category.isListed { add(category.relativeURL, nil) }
            for article in category.articles where article.isListed {
                add(article.relativeURL, article.frontMatter.lastmod)
            }
        }
        return xml + "</urlset>\n"
    }

    static func robots(config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n"
    }

    /// A page at an old URL that sends readers (and search engines) to the new one.
    static func redirect(to url: String, canonical: String) -> String {
        let target = MarkupEscaping.escape(url)
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Moved</title>
            <link rel="canonical" href="\(MarkupEscaping.escape(canonical))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head><body><p>This page has moved to <a href="\(target)">\(target)</a>.</p></body></html>

            """
    }

    /// `/old/zoom/` or `old/zoom` -> `old/zoom/index.html`; `nil` for paths that leave the site.
    static func aliasFile(_ alias: String) -> String? {
        guard !alias.contains("//") else { return nil }
        let segments = alias.split(separator: "/").map(String.init)
        guard !segments.isEmpty, segments.allSatisfy({ URLSegment.isValid($0) }) else { return nil }
        return segments.joined(separator: "/") + "/index.html"
    }
}
