import Foundation
import HelpCenterKit
import HelpCenterServe
import TestSupport
import WebDriver

/// The repository's real help center, built with a verify run of the seed article (so the
/// article shows its verification block and the screens of its steps) and its Pagefind index,
/// served on a loopback port, and a headless Chromium to look at it.
enum BrowserSite {
    /// Every kind of page the site has, with what shows it is ready (search results arrive late).
    static let pages: [(kind: String, path: String, ready: String?)] = [
        ("home", "/", nil),
        ("category", "/integrations/", nil),
        ("article", "/integrations/using-zoom/", nil),
        (
            "article with GFM's additions", "/integrations/formatting/",
            "return ['.callout-tip', '.callout-caution', 'table', 'input[type=checkbox]', 'del', '.footnotes']"
                + ".every((s) => document.querySelector('.article-body ' + s) !== null)"
        ),
        (
            "article in a nested section, with an image beside it", "/integrations/guides/deep-dives/nested/",
            "const trail = [...document.querySelectorAll('.breadcrumbs a')].map((a) => a.getAttribute('href'));"
                + "const image = document.querySelector('.article-body img');"
                + "return trail.join(' ') === '/ /integrations/ /integrations/guides/ /integrations/guides/deep-dives/'"
                + " && image !== null && image.complete && image.naturalWidth === 8"
        ),
        ("search", "/search/", nil),
        ("search results", "/search/?q=revoke", "return document.querySelectorAll('#search-results li').length > 0"),
        ("404", "/404.html", nil),
    ]

    /// Serves the site, then runs `body` with its base URL and a browser session off the
    /// cooperative pool (WebDriver calls block).
    static func withBrowser(_ body: @escaping @Sendable (String, WebDriverSession) throws -> Void) async throws {
        let report = try await VerifiedSeed.shared.reportPath()
        let site = try TemporarySite(copyRealContent: true)
        try formatting.write(to: site.url("Content/integrations/formatting.md"), atomically: true, encoding: .utf8)
        try site.write("Content/integrations/guides/Deep Dives/nested.md", nested)
        try Data(base64Encoded: chart)!.write(to: site.url("Content/integrations/guides/Deep Dives/chart.png"))
        let options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"),
            outputPath: site.path("Public"), configPath: site.path("site.yml"), verificationPath: report)
        let server = PreviewServer(options: options, liveReload: false)
        try await server.start(port: 0)
        do {
            try await waitForSearchIndex(site)
            let base = server.baseURL
            try await offThePool {
                let driver = try ChromeDriver()
                let session = try driver.newSession()
                defer {
                    session.quit()
                    driver.stop()
                }
                try body(base, session)
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// An article two sections down (`integrations/guides/Deep Dives/`) showing the image
    /// beside it, so the browser sees the trail and the published, fingerprinted image.
    static let nested = """
        ---
        title: A nested article
        ---
        ![A blue bar chart](chart.png)

        Sections nest as deep as the help center needs.

        """

    /// An 8 × 4 blue PNG.
    static let chart =
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEUlEQVR4nGMQqTiBFTFQTwIAN1wqgUQ8I/cAAAAASUVORK5CYII="

    /// An article with what GitHub Flavored Markdown adds (alerts, a table, a task list,
    /// autolinks, strikethrough, a footnote), so the audit sees their markup in both schemes.
    static let formatting = """
        ---
        title: Formatting in articles
        ---
        > [!TIP]
        > Connect Zoom before you book.

        > [!CAUTION]
        > Disconnecting stops all Zoom API calls.

        | Plan | Meetings |
        |:-----|---------:|
        | Free | ~~none~~ 40 minutes |

        - [x] Connected
        - [ ] Booked

        Questions: care@valhallgames.net or https://valhallgames.net/help.[^hours]

        [^hours]: Answered on working days.

        """

    /// serve indexes search on another thread after its first build.
    static func waitForSearchIndex(_ site: TemporarySite) async throws {
        for _ in 0..<600 where !site.exists("Public/pagefind/pagefind.js") {
            try await Task.sleep(for: .milliseconds(100))
        }
        guard site.exists("Public/pagefind/pagefind.js") else {
            throw SearchIndexMissing()
        }
    }

    struct SearchIndexMissing: Error, CustomStringConvertible {
        let description = "no search index after 60 s: is Pagefind installed? (`make deps` installs it)"
    }

    /// Polls `condition` (a script answering true) for up to `seconds`.
    static func wait(for condition: String, in session: WebDriverSession, seconds: Int = 20) throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try session.execute(condition).bool == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
