import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

@Suite("Site outputs: sitemap, robots, 404, aliases, fingerprints, navigation, dates")
struct SiteOutputsTests {
    func build(_ site: TemporarySite) throws(HelpCenterError) {
        _ = try SiteBuilder(
            options: BuildOptions(
                contentPath: site.path("Content"), templatesPath: site.path("Templates"),
                outputPath: site.path("Public"),
                configPath: site.path("site.yml"))
        ).build()
    }

    func guides(_ site: TemporarySite) throws {
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\n---\n")
        try site.writeArticle(
            "Content/guides/a.md", title: "Alpha", extra: "weight: 1\ntags: [zoom, setup]\naliases: [/old/alpha/]\n")
        try site.writeArticle("Content/guides/b.md", title: "Beta", extra: "weight: 2\ntags: [zoom]\n")
        try site.writeArticle("Content/guides/c.md", title: "Gamma", extra: "weight: 3\n")
    }

    @Test("sitemap lists every page; robots points to it; 404 exists")
    func machineFiles() throws {
        let site = try TemporarySite()
        try guides(site)
        try build(site)
        let sitemap = try site.read("Public/sitemap.xml")
        for path in ["", "guides/", "guides/a/", "guides/b/", "guides/c/"] {
            #expect(sitemap.contains("<loc>https://help.valhallgames.net/\(path)</loc>"))
        }
        #expect(try site.read("Public/robots.txt").contains("Sitemap: https://help.valhallgames.net/sitemap.xml"))
        let notFound = try site.read("Public/404.html")
        #expect(notFound.contains("<h1>Page not found</h1>") && notFound.contains(#"<a href="/guides/">Guides</a>"#))
    }

    @Test(
        "an alias becomes a redirect page with a canonical link; colliding aliases are errors; one on another page is ignored"
    )
    func aliases() throws {
        let site = try TemporarySite()
        try guides(site)
        try build(site)
        let redirect = try site.read("Public/old/alpha/index.html")
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=/guides/a/">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="https://help.valhallgames.net/guides/a/">"#))
        try site.writeArticle("Content/guides/d.md", title: "Delta", extra: "aliases: [/old/alpha/, /guides/b/]\n")
        do {
            try build(site)
            Issue.record("expected alias errors")
        } catch {
            #expect(
                error.diagnostics.map(\.message).sorted() == [
                    "alias '/old/alpha/' is also an alias of \(site.path("Content/guides/d.md")): keep it in one article"
                ])
        }
        // Alone, the alias on another page builds: that page stays what is served there.
        try site.writeArticle("Content/guides/d.md", title: "Delta", extra: "aliases: [/guides/b/]\n")
        try build(site)
        #expect(try site.read("Public/guides/b/index.html").contains("<h1>Beta</h1>"))
    }

    @Test("assets get content-hashed names and pages reference them")
    func fingerprints() throws {
        let site = try TemporarySite()
        try guides(site)
        try build(site)
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.path("Public/assets"))
        let css = try #require(assets.first { $0.hasPrefix("style.") })
        #expect(css.range(of: #"^style\.[0-9a-f]{8}\.css$"#, options: .regularExpression) != nil)
        #expect(!assets.contains("style.css"))
        #expect(
            try site.read("Public/guides/a/index.html").contains(#"<link rel="stylesheet" href="/assets/\#(css)">"#))
        try site.write("Templates/assets/style.css", "body { color: red; }\n")
        try build(site)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: site.path("Public/assets")).contains(css))
    }

    @Test("previous/next follow the category order; related articles share tags; OpenGraph meta is set")
    func navigation() throws {
        let site = try TemporarySite()
        try guides(site)
        try build(site)
        let beta = try site.read("Public/guides/b/index.html")
        #expect(
            beta.contains(#"<a class="pager-previous" href="/guides/a/" rel="prev"><span>Previous</span> Alpha</a>"#))
        #expect(beta.contains(#"<a class="pager-next" href="/guides/c/" rel="next"><span>Next</span> Gamma</a>"#))
        #expect(beta.contains(#"<li><a href="/guides/a/">Alpha</a></li>"#))
        #expect(beta.contains(#"<meta property="og:title" content="Beta">"#))
        let gamma = try site.read("Public/guides/c/index.html")
        #expect(!gamma.contains("Related articles"))
        #expect(!gamma.contains("pager-next"))
    }

    @Test("'Last updated' comes from lastmod, else the file's last commit, never the build time")
    func lastUpdated() throws {
        let site = try TemporarySite()
        try guides(site)
        try site.writeArticle("Content/guides/e.md", title: "Epsilon", extra: "lastmod: 2025-03-04\n")
        try build(site)
        #expect(!(try site.read("Public/guides/a/index.html")).contains("Last updated"))
        #expect(
            try site.read("Public/guides/e/index.html").contains(#"<time datetime="2025-03-04">4 March 2025</time>"#))
        for command in [
            ["init", "-q"], ["add", "-A"],
            ["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "c"],
        ] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", site.root.path] + command
            git.environment = [
                "GIT_COMMITTER_DATE": "2024-06-07T08:09:10Z", "GIT_AUTHOR_DATE": "2024-06-07T08:09:10Z",
                "HOME": site.root.path,
            ]
            try git.run()
            git.waitUntilExit()
        }
        try build(site)
        #expect(
            try site.read("Public/guides/a/index.html").contains(#"<time datetime="2024-06-07">7 June 2024</time>"#))
        #expect(try site.read("Public/guides/e/index.html").contains(#"<time datetime="2025-03-04">"#))
    }
}
