import DocVerify
import Foundation
import MockZoom
import Testing
import WebDriver
import ZoomAPI
import ZoomIntegration

/// The seed article's steps in the product's screens, performed from their own words in
/// Chromium against the embedded screens and Mock Zoom's consent page.
@Suite("Screen steps in Chromium", .serialized)
struct ScreenStepsTests {
    static let connect = [
        "Log in to your valhallgames.net account",
        "From your Workspace, click the Business Tools icon",
        "Scroll to Integrations and click it",
        "Locate Zoom and click Set Up",
    ]
    static let disconnect = [
        "Go to Workspace → Business Tools → Integrations",
        "Find the connected Zoom account",
        "Click the Delete icon next to the Zoom integration",
    ]

    @Test("the article's connect and disconnect steps connect and disconnect Zoom")
    func seedSteps() async throws {
        try await ScreensFixture.with { fixture, runner in
            var observed: [String] = []
            for sentence in Self.connect {
                observed += try runner.perform(try #require(ScreenStepGrammar.steps(of: sentence)))
            }
            #expect(fixture.connected(), "after Set Up: \(observed)")
            #expect(observed.contains { $0.contains("below the first screenful") })
            #expect(observed.last?.hasSuffix("now on /workspace/business-tools/integrations") == true, "\(observed)")
            for sentence in Self.disconnect {
                observed += try runner.perform(try #require(ScreenStepGrammar.steps(of: sentence)))
            }
            #expect(!fixture.connected(), "after Delete: \(observed)")
        }
    }

    @Test("a step whose words the screens do not have fails and says what is there")
    func rewordedStepFails() async throws {
        try await ScreensFixture.with { _, runner in
            _ = try runner.perform([.logIn])
            let steps = try #require(ScreenStepGrammar.steps(of: "From your Workspace, click the Settings icon"))
            #expect {
                try runner.perform(steps)
            } throws: { error in
                "\(error)".contains("no icon named 'Settings' on /workspace; there are:")
                    && "\(error)".contains("Business Tools (icon)")
            }
        }
    }

    @Test("axe-core finds no violation on the product's screens, light or dark")
    func screensAreAccessible() async throws {
        let axe = try AxeCore.script()
        try await ScreensFixture.with { fixture, runner in
            var findings: [String] = []
            for dark in [false, true] {
                try runner.session.emulateColorScheme(dark: dark)
                findings += try AccessibilityAuditTests.audit(
                    fixture.endpoints.baseURL + "/login", ready: nil, view: "sign-in", axe: axe, in: runner.session)
            }
            _ = try runner.perform([.logIn])
            for dark in [false, true] {
                try runner.session.emulateColorScheme(dark: dark)
                for path in ["/workspace", "/workspace/business-tools", "/workspace/business-tools/integrations"] {
                    findings += try AccessibilityAuditTests.audit(
                        fixture.endpoints.baseURL + path, ready: nil, view: "\(path) \(dark ? "dark" : "light")",
                        axe: axe,
                        in: runner.session)
                }
            }
            #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        }
    }
}
