import Foundation
import Synchronization
import TestSupport
import Testing

@testable import HelpCenterKit

@Suite("Site builder")
struct SiteBuilderTests {
    func options(_ site: TemporarySite, drafts: Bool = false) -> BuildOptions {
        BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"), includeDrafts: drafts)
    }

    func build(_ site: TemporarySite, drafts: Bool = false) throws(HelpCenterError) -> BuildReport {
        try SiteBuilder(options: options(site, drafts: drafts)).build()
    }

    /// Hidden files and folders beside the output other than its two caches: what a failed
    /// build must not leave.
    func leftovers(_ site: TemporarySite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".") && ![".Public.build-cache", ".Public.template-cache"].contains($0)
        }
    }

    /// The build's error messages with the temp folder replaced by `<site>`.
    func messages(_ site: TemporarySite, drafts: Bool = false) -> [String] {
        do {
            _ = try build(site, drafts: drafts)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: site.root.path, with: "<site>") }
        }
    }

    @Test("home, category and article pages plus assets, with pretty URLs and ordering by weight then title")
    func buildsPages() throws {
        let site = try TemporarySite()
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\ndescription: How-tos\n---\n")
        try site.writeArticle("Content/guides/b.md", title: "Beta")
        try site.writeArticle("Content/guides/a.md", title: "Alpha", extra: "weight: 2\n")
        try site.writeArticle("Content/guides/c.md", title: "Gamma", extra: "slug: third\nweight: 1\n")
        let report = try build(site)
        #expect(report.pages == 5)
        #expect(report.articles == 3)
        let files = Set(try site.tree("Public").keys).filter { !$0.hasPrefix("assets/") && !$0.hasPrefix("pagefind/") }
        #expect(
            files == [
                ".helpcenter-site", "index.html", "404.html", "sitemap.xml", "robots.txt", "search/index.html",
                "guides/index.html",
                "guides/a/index.html",
                "guides/b/index.html", "guides/third/index.html",
            ])
        #expect(try site.tree("Public").keys.filter { $0.hasPrefix("assets/style.") }.count == 1)
        let category = try site.read("Public/guides/index.html")
        let order = ["/guides/b/", "/guides/third/", "/guides/a/"].map { category.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test("template values are HTML-escaped")
    func escapesValues() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/g/a.md", title: "\"<script>alert(1)</script>\"")
        _ = try build(site)
        let page = try site.read("Public/g/a/index.html")
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!page.contains("<script>"))
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/g/a.md", title: "A", extra: "draft: true\n")
        _ = try build(site)
        #expect(!site.exists("Public/g/a/index.html"))
        _ = try build(site, drafts: true)
        #expect(site.exists("Public/g/a/index.html"))
    }

    @Test("two builds of the same input are byte-identical; stale pages disappear")
    func deterministicAndClean() throws {
        let site = try TemporarySite(copyRealContent: true)
        _ = try build(site)
        let first = try site.tree("Public")
        _ = try build(site)
        #expect(try site.tree("Public") == first)
        try FileManager.default.removeItem(at: site.url("Content/integrations/using-zoom.md"))
        _ = try build(site)
        #expect(!site.exists("Public/integrations/using-zoom/index.html"))
    }

    @Test("a failed build leaves the previous site exactly as it was and no staging folder behind")
    func atomic() throws {
        let site = try TemporarySite(copyRealContent: true)
        _ = try build(site)
        let before = try site.tree("Public")
        try site.write("Content/integrations/broken.md", "---\ntitle: [\n---\n")
        #expect(throws: HelpCenterError.self) { try build(site) }
        #expect(try site.tree("Public") == before)
        #expect(try leftovers(site).isEmpty)
    }

    @Test("a write that fails halfway (disk full) leaves the previous site exactly as it was, and no temp folder")
    func failureMidWrite() throws {
        let site = try TemporarySite(copyRealContent: true)
        _ = try build(site)
        let before = try site.tree("Public")
        try site.writeArticle("Content/integrations/more.md", title: "More")
        var builder = SiteBuilder(options: options(site))
        builder.failAfterFiles = 3
        #expect(throws: HelpCenterError.self) { try builder.build() }
        #expect(try site.tree("Public") == before)
        #expect(try leftovers(site).isEmpty)
        _ = try build(site)
        #expect(site.exists("Public/integrations/more/index.html"))
    }

    @Test(
        "a full build whose check fails leaves the previous site, and its errors come first, even when writing fails",
        arguments: [nil, 3] as [Int?])
    func checkFailsWhilePagesRender(failAfterFiles: Int?) throws {
        let site = try TemporarySite(copyRealContent: true)
        _ = try build(site)
        let before = try site.tree("Public")
        // A new article links nowhere; the new title changes every page's nav, so the build is a full one.
        try site.writeArticle("Content/integrations/more.md", title: "More", body: "See [this](/nowhere/).\n")
        var builder = SiteBuilder(options: options(site))
        builder.failAfterFiles = failAfterFiles
        do {
            _ = try builder.build()
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["broken link: no page at /nowhere/"])
            #expect(error.diagnostics.first?.location.path.hasSuffix("Content/integrations/more.md") == true)
        }
        #expect(try site.tree("Public") == before)
        #expect(try leftovers(site).isEmpty)
    }

    @Test("a failed first build into a new nested folder leaves no folder behind")
    func failedBuildIntoNewFolder() throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.writeArticle("Content/integrations/more.md", title: "More", body: "See [this](/nowhere/).\n")
        var options = options(site)
        options.outputPath = site.path("out/site")
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: options).build() }
        #expect(!site.exists("out"))
    }

    @Test("an article path that is a folder is named as one, readable or not")
    func folderNamedLikeAnArticle() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/g/a.md", title: "A")
        try FileManager.default.createDirectory(at: site.url("Content/g/b.md"), withIntermediateDirectories: true)
        #expect(
            messages(site) == ["<site>/Content/g/b.md: error: cannot read file: it is a folder, not a Markdown file"])
    }

    @Test("progress is reported as articles render, ending at the total")
    func progress() throws {
        let site = try TemporarySite()
        for index in 0..<250 { try site.writeArticle("Content/g/a\(index).md", title: "A\(index)") }
        let calls = Mutex<[Int]>([])
        var builder = SiteBuilder(options: options(site))
        builder.progress = { done, total in
            calls.withLock { $0.append(done) }
            _ = total
        }
        _ = try builder.build()
        #expect(calls.withLock { $0 }.sorted() == [100, 200, 250])
    }

    @Test("refuses an output folder that holds the sources")
    func protectsSources() throws {
        let site = try TemporarySite()
        var options = options(site)
        options.outputPath = site.root.path
        #expect(throws: HelpCenterError.self) { try SiteBuilder(options: options).build() }
        #expect(site.exists("Content"))
        #expect(site.exists("Templates/article.mustache"))
    }

    @Test("a missing Content folder is one clear error")
    func missingContent() throws {
        let site = try TemporarySite()
        try FileManager.default.removeItem(at: site.url("Content"))
        #expect(
            messages(site) == [
                "<site>/Content: error: content folder not found: run helpcenter from the site's root folder or pass --content PATH"
            ])
    }

    @Test("with neither Content nor Templates, the templates are named first, as before the content survey")
    func missingContentAndTemplates() throws {
        let site = try TemporarySite()
        try FileManager.default.removeItem(at: site.url("Content"))
        try FileManager.default.removeItem(at: site.url("Templates"))
        #expect(messages(site).first?.contains("templates folder not found") == true, "\(messages(site))")
    }

    @Test("a category folder or an alias where the site writes its own pages is an error, not a silent overwrite")
    func reservedNames() throws {
        let site = try TemporarySite()
        try site.write("Content/search/_index.md", "---\ntitle: Search help\n---\n")
        try site.write("Content/search/a.md", "---\ntitle: A\n---\nBody.\n")
        try site.write("Content/pagefind/b.md", "---\ntitle: B\n---\nBody.\n")
        #expect(
            messages(site) == [
                "<site>/Content/pagefind: error: folder name 'pagefind' is taken by the site's own /pagefind: rename the folder",
                "<site>/Content/search: error: folder name 'search' is taken by the site's own /search: rename the folder",
            ])
        try FileManager.default.removeItem(at: site.url("Content/search"))
        try FileManager.default.removeItem(at: site.url("Content/pagefind"))
        try site.write("Content/g/c.md", "---\ntitle: C\naliases: [/assets/old/, /search/]\n---\nBody.\n")
        // `/assets/old/` is a redirect page among the assets, as Hugo writes it (no asset has its path).
        #expect(
            messages(site) == [
                "<site>/Content/g/c.md:3:25: error: alias '/search/' is the URL of an existing page: remove the alias"
            ])
    }

    @Test("every broken file is reported in one run")
    func allErrorsTogether() throws {
        let site = try TemporarySite()
        try site.write("Content/g/no-title.md", "---\ndescription: x\n---\n")
        try site.write("Content/g/bad-yaml.md", "---\ntitle: T\ntags: [a\n---\n")
        try site.write("Content/g/plain.md", "# No front matter\n")
        try site.write("Content/billing-help/_index.md", "---\ndescription: x\n---\n")
        #expect(
            messages(site) == [
                "<site>/Content/billing-help/_index.md:2:1: error: missing 'title': add a line like 'title: Billing help' "
                    + "(the page's title, as readers will see it) to the front matter",
                "<site>/Content/g/bad-yaml.md:4:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
                "<site>/Content/g/no-title.md:2:1: error: missing 'title': add a line like 'title: No title' (the page's "
                    + "title, as readers will see it) to the front matter",
                "<site>/Content/g/plain.md:1:1: error: missing front matter: start the file with a '---' line, then YAML with at "
                    + "least 'title: ...', then another '---' line",
            ])
    }

    @Test("an unreadable file names the file and the reason")
    func unreadable() throws {
        let site = try TemporarySite()
        try FileManager.default.createDirectory(at: site.url("Content/g"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Content/g/gone.md"), withDestinationPath: "/nonexistent")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]).write(to: site.url("Content/g/latin1.md"))
        #expect(
            messages(site) == [
                "<site>/Content/g/gone.md: error: a symbolic link to a missing file (-> /nonexistent): fix or delete the link",
                "<site>/Content/g/latin1.md:2:1: error: not UTF-8 text: byte 0xFF here is not valid UTF-8; "
                    + "save the file with UTF-8 encoding",
            ])
    }

    @Test("claim errors in an article fail the build with the file's line numbers")
    func claimErrors() throws {
        let site = try TemporarySite()
        try site.write("Content/g/a.md", "---\ntitle: A\n---\n\nText <!-- claim: Bad -->\n")
        #expect(
            messages(site).first?.hasPrefix("<site>/Content/g/a.md:5:6: error: claim id 'Bad' is not valid") == true)
    }

    @Test("two articles with one URL are an error")
    func duplicateSlugs() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/g/a.md", title: "A")
        try site.writeArticle("Content/g/b.md", title: "B", extra: "slug: a\n")
        #expect(
            messages(site) == [
                "<site>/Content/g/b.md:1:1: error: URL /g/a/ is also the URL of <site>/Content/g/a.md: change 'slug' in one of them"
            ])
    }

    @Test("template problems: a missing page template, an unknown partial, bad syntax")
    func templateErrors() throws {
        let site = try TemporarySite()
        try site.writeArticle("Content/g/a.md", title: "A")
        try FileManager.default.removeItem(at: site.url("Templates/category.mustache"))
        try site.write("Templates/home.mustache", "{{<base}}{{$main}}\n  {{> partials/sidebar}}{{/main}}{{/base}}")
        try site.write("Templates/article.mustache", "{{#page}}\n{{title}}\n")
        #expect(
            messages(site) == [
                "<site>/Templates/article.mustache:3:1: error: template syntax: a {{#section}} is never closed with {{/section}}",
                "<site>/Templates/home.mustache:2:3: error: unknown template 'partials/sidebar' in home: create it or fix the name",
                "<site>/Templates: error: missing template 'category': create <site>/Templates/category.mustache",
            ])
    }
}
