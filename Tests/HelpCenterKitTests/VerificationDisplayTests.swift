import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// What an article page says about verify's checks, in each `verification_display`: golden
/// pages built from the seed run's reviewed report, and the wording's honesty rules.
@Suite("Verification on the page")
struct VerificationDisplayTests {
    static let report = TemporarySite.repository.appendingPathComponent(
        "Tests/DocVerifyTests/Fixtures/seed-report.json")
    static let article = "Public/integrations/using-zoom/index.html"

    /// The real site with `verification_display: display`, built with `results` (default: the
    /// seed run's golden report).
    func buildPage(_ display: String, results: VerificationResults? = nil) async throws -> String {
        try await offThePool { try Self.buildPageBlocking(display, results: results) }
    }

    /// - Parameters:
    ///   - edit: changes to the copied site before it builds (an article marked up otherwise).
    ///   - built: a look at the built site before it is removed.
    static func buildPageBlocking(
        _ display: String, results: VerificationResults?, edit: (TemporarySite) throws -> Void = { _ in },
        built: (TemporarySite) throws -> Void = { _ in }
    ) throws -> String {
        let site = try TemporarySite(copyRealContent: true)
        try edit(site)
        try site.write(
            "site.yml",
            try site.read("site.yml").replacing(/verification_display: \w+/, with: "verification_display: \(display)"))
        var reportPath = Self.report.path
        if let results {
            reportPath = site.path("report.json")
            try JSONEncoder().encode(results).write(to: URL(fileURLWithPath: reportPath))
        }
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"), verificationPath: reportPath)
        options.searchIndexer = nil
        _ = try SiteBuilder(options: options).build()
        try built(site)
        return try site.read(Self.article)
    }

    func seedResults() throws -> VerificationResults {
        try VerificationResults.load(path: Self.report.path)
    }

    @Test(
        "each display mode matches its golden page (RECORD_GOLDEN=1 re-records)", arguments: ["readers", "qa", "off"])
    func golden(_ display: String) async throws {
        let page = try await buildPage(display)
        // `off` shows nothing at all: the very page built without a report.
        let name = display == "off" ? "using-zoom.html" : "using-zoom.\(display).html"
        let golden = TemporarySite.repository.appendingPathComponent("Tests/HelpCenterKitTests/Fixtures/golden/" + name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1", display != "off" {
            try Data(page.utf8).write(to: golden)
        }
        #expect(
            page == (try String(contentsOf: golden, encoding: .utf8)),
            "the \(display) page changed; review it and re-record with RECORD_GOLDEN=1")
    }

    @Test("readers: plain words, the simulation named as such, each sentence's outcome in a details block")
    func readers() async throws {
        let page = try await buildPage("readers")
        #expect(
            page.contains(
                "On 2 December 2026 we tested 23 statements of this article against a simulation of Zoom "
                    + "(not the live Zoom service): all 23 held.</p>"))
        #expect(page.contains("<summary>How this article is checked</summary>"))
        #expect(
            page.contains(
                #"<li class="statement-verified"><span class="statement-verdict">Held when tested:</span> <q>You will be redirected to Zoom to authorize access</q></li>"#
            ))
        #expect(!page.contains("statement-manual"))
        #expect(DebugDescriptions.find(in: page, literals: false) == [])
        let visible = Self.text(between: "<div class=\"verification-block\"", and: "</div>", in: page)
            .replacing(/<[^>]+>/, with: "")
        for jargon in ["mock", "claim", "backend", "verified"] {
            #expect(!visible.lowercased().contains(jargon), "'\(jargon)' in the readers' notice")
        }
    }

    @Test("readers: a live run says so; a failed or changed sentence is never shown as held")
    func readersHonesty() async throws {
        var results = try seedResults()
        results.backend = "live"
        let failed = try #require(results.claims.firstIndex { $0.id == "disconnect.tokens-invalidated" })
        results.claims[failed].verdict = "failed"
        let changed = try #require(results.claims.firstIndex { $0.id == "disconnect.any-time" })
        results.claims[changed].textHash = "not-this-text"
        let page = try await buildPage("readers", results: results)
        #expect(
            page.contains(
                "we tested 23 statements of this article against the live Zoom service: 21 held, 1 did not hold, "
                    + "1 not yet tested in their current wording."))
        #expect(!page.contains("simulation"))
        #expect(!page.contains(#"<p class="verification verification-complete">"#))
        #expect(
            page.contains(
                #"<li class="statement-failed"><span class="statement-verdict">Did not hold when tested:</span> <q>When Zoom is disconnected, all access tokens"#
            ))
        #expect(
            page.contains(
                #"<li class="statement-untested"><span class="statement-verdict">Not yet tested in this wording:</span> <q>You can disconnect Zoom"#
            ))
        #expect(!page.contains(#"data-claim="disconnect.tokens-invalidated""#))
        #expect(!page.contains(#"data-claim="disconnect.any-time""#))
    }

    @Test("the ✓ marks have an accessible name and a tooltip saying what they mean")
    func marks() async throws {
        let label = "Held when tested against a simulation of Zoom (not the live Zoom service) on 2 December 2026"
        let page = try await buildPage("readers")
        #expect(
            page.contains(
                #"<span class="claim-mark" data-claim="connect.redirect-to-zoom" data-pagefind-ignore role="img" aria-label="\#(label)" title="\#(label)">✓</span>"#
            ))
        #expect(page.components(separatedBy: #"class="claim-mark""#).count - 1 == 24)
        let qa = try await buildPage("qa")
        #expect(qa.contains(#"aria-label="Verified against Zoom (mock) on 2 December 2026""#))
    }

    @Test("qa keeps the full line; off shows nothing at all")
    func qaAndOff() async throws {
        let qa = try await buildPage("qa")
        #expect(
            qa.contains(
                "Verified against Zoom (mock) on 2 December 2026: 24 of 24 claims.</p>"))
        #expect(!qa.contains("<details"))
        let off = try await buildPage("off")
        #expect(!off.contains("verification") && !off.contains("claim-mark") && !off.contains("✓"))
    }

    @Test("steps a writer marks manual are named as not tested automatically, in both displays")
    func manualSteps() async throws {
        let pages = try await offThePool {
            try ["readers", "qa"].map { display in
                try Self.buildPageBlocking(display, results: nil) { site in
                    let article = "Content/integrations/using-zoom.md"
                    try site.write(
                        article,
                        try site.read(article).replacing(
                            /(<!-- claim: disconnect\.(open-integrations|find-zoom-account|click-delete)) -->/
                        ) { "\($0.output.1) manual -->" })
                }
            }
        }
        #expect(
            pages[0].contains(
                "we tested 20 statements of this article against a simulation of Zoom (not the live Zoom service): "
                    + "all 20 held. The 3 steps in the product&#39;s screens are not tested automatically.</p>"))
        #expect(pages[0].components(separatedBy: "<li class=\"statement-manual\">").count - 1 == 3)
        #expect(pages[1].contains("21 of 21 claims; 3 steps in the product&#39;s screens are checked by hand.</p>"))
    }

    @Test("a wrong verification_display names the file and line and the allowed values")
    func badValue() throws {
        #expect(throws: HelpCenterError.self) {
            try SiteConfigLoader.parse("title: T\nverification_display: loud\n", path: "site.yml")
        }
        do {
            _ = try SiteConfigLoader.parse("title: T\nverification_display: loud\n", path: "site.yml")
        } catch {
            #expect("\(error)".contains("site.yml:2:"))
            #expect("\(error)".contains("'verification_display' must be readers, qa or off, found 'loud'"))
        }
        #expect(try SiteConfigLoader.parse("title: T\n", path: "site.yml").verificationDisplay == .readers)
    }

    static func text(between start: String, and end: String, in page: String) -> String {
        guard let from = page.range(of: start), let to = page.range(of: end, range: from.upperBound..<page.endIndex)
        else { return "" }
        return String(page[from.lowerBound..<to.lowerBound])
    }
}
