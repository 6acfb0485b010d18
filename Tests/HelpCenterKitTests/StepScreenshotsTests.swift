import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// The screens verify saw under each step in the product's screens: copied into the site
/// fingerprinted, shown as a lazy thumbnail that opens full size, with the step as `alt`.
@Suite("Step screenshots on the page")
struct StepScreenshotsTests {
    /// A PNG's signature and header (1280×657 pixels): all the build reads of it.
    static let png =
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
        + Data([0, 0, 0x05, 0x00, 0, 0, 0x02, 0x91, 8, 6, 0, 0, 0, 0, 0, 0, 0])

    /// The golden seed report with a screenshot named for `connect.log-in`, in folder `shots`.
    func resultsWithScreenshot() throws -> VerificationResults {
        var results = try VerificationResults.load(path: VerificationDisplayTests.report.path)
        results.screenshotFolder = "shots"
        let login = try #require(results.claims.firstIndex { $0.id == "connect.log-in" })
        results.claims[login].screenshot = "connect.log-in.png"
        return results
    }

    @Test("a verified step shows its screen: fingerprinted copy, lazy thumbnail, alt is the step")
    func thumbnail() async throws {
        let results = try resultsWithScreenshot()
        let (page, published) = try await offThePool {
            var published: Data?
            let page = try VerificationDisplayTests.buildPageBlocking("readers", results: results) { site in
                try FileManager.default.createDirectory(
                    at: site.url("shots"), withIntermediateDirectories: true)
                try Self.png.write(to: site.url("shots/connect.log-in.png"))
            } built: { site in
                let folder = site.url("Public/assets/screens")
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                #expect(names.count == 1 && names[0].hasPrefix("connect.log-in.") && names[0].hasSuffix(".png"))
                published = try Data(contentsOf: folder.appendingPathComponent(names[0]))
            }
            return (page, published)
        }
        #expect(published == Self.png)
        let link = try #require(page.firstMatch(of: /href="(\/assets\/screens\/connect\.log-in\.[0-9a-f]{8}\.png)"/))
        let source = String(link.output.1)
        #expect(
            page.contains(
                #"<a class="step-screen" href="\#(source)" data-pagefind-ignore><img src="\#(source)" "#
                    + #"alt="Log in to your valhallgames.net account" width="1280" height="657" loading="lazy" "#
                    + #"decoding="async"></a>"#))
        #expect(page.components(separatedBy: "class=\"step-screen\"").count - 1 == 1)
    }

    @Test("a step whose words changed since the run shows no screen")
    func changedStep() async throws {
        var results = try resultsWithScreenshot()
        let login = try #require(results.claims.firstIndex { $0.id == "connect.log-in" })
        results.claims[login].textHash = "other-words"
        let changed = results
        let page = try await offThePool {
            try VerificationDisplayTests.buildPageBlocking("readers", results: changed) { site in
                try FileManager.default.createDirectory(at: site.url("shots"), withIntermediateDirectories: true)
                try Self.png.write(to: site.url("shots/connect.log-in.png"))
            }
        }
        #expect(!page.contains("step-screen"))
    }

    @Test("a report naming a screenshot that is not there stops the build, naming the report, claim and file")
    func missingScreenshot() async throws {
        let results = try resultsWithScreenshot()
        await #expect {
            try await offThePool { try VerificationDisplayTests.buildPageBlocking("readers", results: results) }
        } throws: { error in
            let text = "\(error)"
            return text.contains(
                "report.json: error: the verification report names the screenshot 'connect.log-in.png'")
                && text.contains("for claim 'connect.log-in'") && text.contains("shots/connect.log-in.png")
                && text.contains("run verify again")
        }
    }
}
