import Foundation
import TestSupport
import Testing

/// Runs the built `helpcenter` executable as a writer or CI would, checking exit codes,
/// output and files.
@Suite("helpcenter binary")
struct HelpCenterBinaryTests {
    /// The `helpcenter` built next to this test bundle.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("helpcenter")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TemporarySite.repository.appendingPathComponent(".build/debug/helpcenter")
    }()

    /// Runs helpcenter on a thread of its own, keeping the concurrency pool free for the servers
    /// other tests run meanwhile.
    func run(_ arguments: [String], in folder: URL, input: String? = nil) async throws -> ProcessRunner.Result {
        try await offThePool { try ProcessRunner.run(Self.binary, arguments, in: folder, input: input) }
    }

    @Test("build writes the site and prints one summary line")
    func buildSucceeds() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let result = try await run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Built 3 pages (1 article in 1 category) and 1 asset into Public in "))
        #expect(result.stdout.wholeMatch(of: /Built .* in (\d+ms|\d+s|\d+s \d+ms)\n/) != nil, "\(result.stdout)")
        #expect(site.exists("Public/index.html"))
        #expect(site.exists("Public/integrations/index.html"))
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.path("Public/assets"))
        #expect(assets.contains { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        #expect(try site.read("Public/integrations/using-zoom/index.html").contains("<h1>How does using Zoom"))
    }

    @Test("every option is honoured")
    func options() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let other = try TemporarySite()
        try FileManager.default.moveItem(at: site.url("Content"), to: other.url("Articles"))
        try FileManager.default.moveItem(at: site.url("Templates"), to: other.url("Layouts"))
        try FileManager.default.moveItem(at: site.url("site.yml"), to: other.url("config.yml"))
        let result = try await run(
            [
                "build", "--content", other.path("Articles"), "--templates", other.path("Layouts"), "--output", "Out",
                "--config", other.path("config.yml"),
            ], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(site.exists("Out/integrations/using-zoom/index.html"))
    }

    @Test(
        "bad input exits 1 with file:line:col, never a crash, and keeps the previous site",
        arguments: [
            ("missing content", "rm:Content", "Content: error: content folder not found"),
            (
                "bad YAML", "Content/integrations/x.md=---\ntitle: [\n---\n",
                "Content/integrations/x.md:3:1: error: invalid YAML"
            ),
            (
                "missing title", "Content/integrations/x.md=---\nweight: 1\n---\n",
                "Content/integrations/x.md:2:1: error: missing 'title'"
            ),
            (
                "dangling link", "link:Content/integrations/x.md",
                "Content/integrations/x.md: error: a symbolic link to a missing file (-> /nonexistent)"
            ),
            (
                "unknown template", "Templates/home.mustache={{> nav}}",
                "Templates/home.mustache:1:1: error: unknown template 'nav'"
            ),
            ("missing template", "rm:Templates/article.mustache", "Templates: error: missing template 'article'"),
        ])
    func badInput(name: String, change: String, expected: String) async throws {
        let site = try TemporarySite(copyRealContent: true)
        #expect(try await run(["build"], in: site.root).status == 0)
        let before = try site.tree("Public")
        if change.hasPrefix("rm:") {
            try FileManager.default.removeItem(at: site.url(String(change.dropFirst(3))))
        } else if change.hasPrefix("link:") {
            try FileManager.default.createSymbolicLink(
                atPath: site.path(String(change.dropFirst(5))), withDestinationPath: "/nonexistent")
        } else {
            let parts = change.split(separator: "=", maxSplits: 1)
            try site.write(String(parts[0]), String(parts[1]))
        }
        let result = try await run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; nothing was written\n"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(result.stdout.isEmpty)
        #expect(try site.tree("Public") == before)
    }

    @Test("check: exit 0 when clean; text, GitHub annotations and JSON when not; exit 1")
    func check() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let clean = try await run(["check"], in: site.root)
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr == "no problems found\n")
        try site.writeArticle("Content/integrations/x.md", title: "X", body: "[gone](/nowhere/)")
        let text = try await run(["check"], in: site.root)
        #expect(text.status == 1)
        #expect(text.stdout == "Content/integrations/x.md:4:1: error: broken link: no page at /nowhere/\n")
        let github = try await run(["check", "--format", "github"], in: site.root)
        #expect(
            github.stdout == "::error file=Content/integrations/x.md,line=4,col=1::broken link: no page at /nowhere/\n")
        let json = try await run(["check", "--format", "json"], in: site.root)
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(list?.first?["line"] as? Int == 4 && list?.first?["severity"] as? String == "error")
        #expect(try await run(["check", "--format", "xml"], in: site.root).status == 64)
    }

    @Test("new writes a draft skeleton that builds and checks clean, never overwrites, rejects bad paths")
    func newArticle() async throws {
        let site = try TemporarySite(copyRealContent: true)
        let created = try await run(["new", "billing/refunds", "--title", "How do refunds work?"], in: site.root)
        #expect(created.status == 0)
        #expect(created.stdout == "created Content/billing/_index.md\ncreated Content/billing/refunds.md\n")
        #expect(try site.read("Content/billing/refunds.md").hasPrefix("---\ntitle: \"How do refunds work?\"\n"))
        #expect(try await run(["check"], in: site.root).status == 0)
        #expect(try await run(["build", "--drafts"], in: site.root).status == 0)
        #expect(site.exists("Public/billing/refunds/index.html"))
        let again = try await run(["new", "billing/refunds", "--title", "Again"], in: site.root)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try await run(["new", "Billing/Refunds", "--title", "x"], in: site.root).status == 64)
        // A section inside a category.
        let nested = try await run(["new", "billing/cards/expired", "--title", "My card expired"], in: site.root)
        #expect(nested.stdout == "created Content/billing/cards/_index.md\ncreated Content/billing/cards/expired.md\n")
        #expect(try site.read("Content/billing/cards/_index.md").hasPrefix("---\ntitle: \"Cards\"\n"))
        #expect(try await run(["build", "--drafts"], in: site.root).status == 0)
        #expect(site.exists("Public/billing/cards/expired/index.html"))
    }

    @Test("bad usage exits 64 and says what is wrong")
    func badUsage() async throws {
        let site = try TemporarySite()
        let result = try await run(["build", "--colour"], in: site.root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }

    @Test("init writes a help center that helpcenter build builds inside it, and prints the next commands")
    func initThenBuild() async throws {
        let site = try TemporarySite()
        let created = try await run(["init", "new-help", "--title", "Acme Help"], in: site.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("cd new-help") && created.stdout.contains("helpcenter build"))
        let build = try await run(["build"], in: site.url("new-help"))
        #expect(build.status == 0, "\(build.stderr)")
        let home = try site.read("new-help/Public/index.html")
        #expect(home.contains("Acme Help") && home.contains("How do I write a help article?"))
        let again = try await run(["init", "new-help"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("new-help: error: already exists and is not an empty folder"), "\(again.stderr)")
    }

    @Test("--help explains the commands and exit codes")
    func help() async throws {
        let site = try TemporarySite()
        let result = try await run(["--help"], in: site.root)
        #expect(result.status == 0)
        for text in ["build", "render", "Exit status: 0 on success, 1 when the content has problems"] {
            #expect(result.stdout.contains(text))
        }
        let build = try await run(["build", "--help"], in: site.root)
        for option in ["--content <path>", "--templates <path>", "--output <path>", "--config <path>", "--drafts"] {
            #expect(build.stdout.contains(option))
        }
    }

    @Test("render prints the body HTML of standard input and exits 1 on a bad claim")
    func render() async throws {
        let site = try TemporarySite()
        let good = try await run(["render"], in: site.root, input: "## Hi\n\nText <!-- claim: data.x -->\n")
        #expect(good.status == 0)
        #expect(good.stdout == "<h2 id=\"hi\">Hi</h2>\n<p>Text</p>\n")
        let bad = try await run(["render", "-"], in: site.root, input: "Text <!-- claim: x -->\n")
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<stdin>:1:6: error: claim id 'x' is not valid"))
        let unsafe = try await run(["render", "--unsafe"], in: site.root, input: "<b>x</b>\n")
        #expect(unsafe.stdout == "<p><b>x</b></p>\n")
    }
}
