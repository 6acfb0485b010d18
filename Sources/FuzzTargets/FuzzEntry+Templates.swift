import HelpCenterKit

extension FuzzEntry {
    /// Names given to the NUL-separated templates of an input, in order; later ones are extra partials.
    static let templateNames = [
        "base", "home", "category", "article", "404", "search",
        "partials/header", "partials/footer", "partials/breadcrumbs", "partials/support",
    ]

    /// Mustache loading: the input is several templates separated by NUL bytes, named in the
    /// order of `templateNames` (real sets: `base`, the page templates, `partials/...`).
    /// Missing page templates get a stand-in so most inputs compile; compiled sets render
    /// every template with a context shaped like a real page's, and the compiled renderer must
    /// give the library's bytes.
    public static func templates(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        var sources: [TemplateSource] = []
        while !input.isAtEnd && sources.count < 32 {
            let name =
                sources.count < templateNames.count ? templateNames[sources.count] : "partials/extra-\(sources.count)"
            sources.append(TemplateSource(name: name, path: "Templates/\(name).mustache", text: input.text(until: 0)))
        }
        let given = Set(sources.map(\.name))
        for name in TemplateSet.requiredNames where !given.contains(name) {
            sources.append(
                TemplateSource(name: name, path: "Templates/\(name).mustache", text: "<p>{{page.title}}</p>"))
        }
        let set: TemplateSet
        do {
            set = try TemplateSet.compile(sources, directory: "Templates")
        } catch {
            invariant(!error.diagnostics.isEmpty, "a HelpCenterError without diagnostics")
            for diagnostic in error.diagnostics {
                invariant(
                    diagnostic.location.path.hasPrefix("Templates"), "diagnostic names no template: \(diagnostic)")
            }
            return
        }
        let context = templateContext()
        for name in set.names.sorted() {
            // A block that includes itself is an error here; the library would recurse until
            // the stack runs out, so it is only compared on what rendered.
            let html = try? set.render(name, context)
            if set.rendersCompiled, html != nil {
                invariant(
                    html == set.renderWithLibrary(name, context), "compiled and library renders differ for \(name)")
            }
        }
    }

    /// A small page context with the keys the real templates read.
    private static func templateContext() -> TemplateValue {
        let link: TemplateValue = ["title": "Using Zoom <b>&</b>", "url": "/integrations/using-zoom/"]
        return [
            "site": ["title": "Help Center", "language": "en", "params": ["support": "help@example.com"]],
            "page": [
                "kind": "article", "title": "Using Zoom", "url": "/integrations/using-zoom/",
                "description": "Connect \"Zoom\"", "lastmod": "1 May 2025", "params": ["icon": "video"],
            ],
            "article": [
                "body": "<p>Body</p>", "hasToc": true, "tags": ["zoom", "video"],
                "toc": [
                    ["id": "connect", "text": "Connect", "level": 2, "isSub": false],
                    ["id": "disconnect", "text": "Disconnect", "level": 3, "isSub": true],
                ],
            ],
            "category": [
                "title": "Integrations", "url": "/integrations/", "intro": "<p>Intro</p>", "articles": [link],
            ],
            "nav": [link, link],
            "breadcrumbs": [link],
            "related": [link],
            "hasRelated": true, "hasPager": true, "previous": link, "next": link,
            "verification": ["text": "Verified", "complete": true, "manual": ""],
            "root": "/", "count": 3, "ratio": 0.5, "empty": [],
        ]
    }
}
