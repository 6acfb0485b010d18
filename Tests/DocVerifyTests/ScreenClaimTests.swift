import DocVerify
import Foundation
import HelpCenterKit
import MockZoom
import TestSupport
import Testing
import ZoomAPI

/// Claims that are steps in the product's screens: bound by the step grammar, taken in
/// Chromium in article order, failed when the screens contradict the words, blocked when the
/// steps cannot be taken, and pointed at a deployed product with `--app-url`.
@Suite("verify: steps in the product's screens")
struct ScreenClaimTests {
    static let article = "Content/integrations/using-zoom.md"

    /// The seed article in a temp site with `edit` applied to its text, and a lock that accepts
    /// the edited words (as `verify accept` would).
    func editedSite(_ edit: (String) -> String) throws -> (ClaimCatalog, VerifyLock, TemporarySite) {
        let site = try TemporarySite(copyRealContent: true)
        try site.write(Self.article, edit(try site.read(Self.article)))
        let catalog = try ClaimCatalog.load(contentPath: site.path("Content"))
        var lock = try VerifyLock.load(path: SeedVerificationTests.lockPath)
        lock.accept(catalog.entries.map(\.claim))
        return (catalog, lock, site)
    }

    @Test("a step reworded and accepted fails when the screens do not have its words; the steps after it are blocked")
    func rewordedStep() async throws {
        let (catalog, lock, site) = try editedSite {
            $0.replacingOccurrences(
                of: "From your Workspace, click the Business Tools icon",
                with: "From your Workspace, click the Settings icon")
        }
        _ = site
        var runner = VerifyRunner(catalog: catalog, lock: lock)
        runner.screens = SharedBrowser.screens
        let report = await runner.run(backend: MockBackend())
        let step = try #require(report.claims.first { $0.id == "connect.open-business-tools" })
        #expect(step.verdict == .failed)
        #expect(step.line == 17)
        #expect(
            step.detail
                == "the screens contradict the step: no icon named 'Settings' on /workspace; there are: Workspace, "
                + "Sign out, Business Tools (icon)")
        let after = report.claims.filter {
            ["connect.open-integrations", "connect.click-set-up", "disconnect.click-delete"].contains($0.id)
        }
        #expect(after.count == 3 && after.allSatisfy { $0.verdict == .blocked })
        #expect(
            after.first?.detail
                == "the step before it (connect.open-business-tools) did not go as written, so the screens are not "
                + "where this one starts")
        #expect(report.claims.first { $0.id == "connect.log-in" }?.verdict == .verified)
        #expect(report.exitStatus == 1)
    }

    @Test("a step the grammar does not know is unbound in lint at its file:line, naming the grammar; manual passes")
    func ungrammaticalStep() throws {
        let reworded = "Open the Business Tools drawer from your Workspace"
        let (catalog, lock, _) = try editedSite {
            $0.replacingOccurrences(of: "From your Workspace, click the Business Tools icon", with: reworded)
        }
        let report = VerifyRunner(catalog: catalog, lock: lock).lint()
        let unbound = report.claims.filter { $0.verdict == .unbound }
        #expect(unbound.map(\.id) == ["connect.open-business-tools"])
        #expect(unbound.first?.line == 17)
        #expect(unbound.first?.detail?.contains("'Log in to your … account', 'click the X icon'") == true)
        #expect(!report.passed)

        let (manualCatalog, manualLock, _) = try editedSite {
            $0.replacingOccurrences(of: "From your Workspace, click the Business Tools icon", with: reworded)
                .replacingOccurrences(
                    of: "<!-- claim: connect.open-business-tools -->",
                    with: "<!-- claim: connect.open-business-tools manual -->")
        }
        #expect(VerifyRunner(catalog: manualCatalog, lock: manualLock).lint().passed)
    }

    @Test("--app-url: the steps are taken in the product at that address, as the user given")
    func deployedProduct() async throws {
        let product = try await MockBackend().makeEnvironment()
        let screens = try #require(product.screens)
        let catalog = try ClaimCatalog.load(contentPath: SeedVerificationTests.contentPath)
        let lock = try VerifyLock.load(path: SeedVerificationTests.lockPath)
        // The backend's own screens have no Delete icon: only the product at --app-url can pass.
        var runner = VerifyRunner(catalog: catalog, lock: lock)
        runner.screens = ScreenOptions(mode: SharedBrowser.screens.mode, app: screens)
        let report = await runner.run(backend: MockBackend(screenDefects: .noDeleteIcon))
        #expect(report.count(.verified) == 24, "\(report.claims.filter { $0.verdict != .verified })")
        // That product's Zoom consents at once: the browser only passes through Zoom's pages,
        // which the browser's own record of the pages it loaded shows.
        let redirect = try #require(report.claims.first { $0.id == "connect.redirect-to-zoom" })
        let passage = try #require(redirect.evidence.last?.observed)
        #expect(passage.hasPrefix("went through Zoom's pages at 127.0.0.1:"), "\(passage)")
        #expect(passage.hasSuffix("(access was allowed before)"), "\(passage)")

        runner.screens.app = ProductScreens(
            appURL: screens.appURL, username: screens.username, password: Secret("not the password"))
        let refused = await runner.run(backend: MockBackend())
        await product.cleanUp()
        let steps = refused.claims.filter { runner.isScreenStep($0.id) }
        #expect(steps.count == 9 && steps.allSatisfy { $0.verdict == .blocked })
        #expect(
            steps.first?.detail
                == "could not sign in to \(screens.appURL) as verify: the page says 'The username or password is not right.'"
        )
        #expect(refused.exitStatus == 3)
    }
}
