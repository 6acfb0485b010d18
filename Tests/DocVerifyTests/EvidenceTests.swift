import DocVerify
import Foundation
import FoundationXML
import MockZoom
import TestSupport
import Testing

/// verify's evidence reads as observations a person can check: in words, whether the
/// expectation held or not, in the JSON report, JUnit and on the console.
@Suite("verify: evidence in words")
struct EvidenceTests {
    static let goldenReport = TemporarySite.repository.appendingPathComponent(
        "Tests/DocVerifyTests/Fixtures/seed-report.json")

    /// The seed run; `manual` marks those claims manual, as a writer may for a step no machine can take.
    func run(
        _ backend: MockBackend = MockBackend(), screens: ScreenOptions = SharedBrowser.screens,
        manual: Set<String> = []
    ) async throws -> VerifyReport {
        let seed = try ClaimCatalog.load(contentPath: SeedVerificationTests.contentPath)
        let catalog = ClaimCatalog(
            entries: seed.entries.map { entry in
                var entry = entry
                entry.claim.isManual = entry.claim.isManual || manual.contains(entry.claim.id)
                return entry
            })
        var runner = VerifyRunner(catalog: catalog, lock: try VerifyLock.load(path: SeedVerificationTests.lockPath))
        runner.screens = screens
        return await runner.run(backend: backend)
    }

    /// Every output a run has: JSON, JUnit, and the console with evidence.
    func outputs(_ report: VerifyReport) -> [String: String] {
        [
            "json": String(decoding: report.json(), as: UTF8.self), "junit": report.junit(),
            "console": report.claims.flatMap { VerifyReport.consoleLines($0, evidence: true) }.joined(separator: "\n"),
        ]
    }

    @Test("the seed run's report matches its reviewed golden copy (RECORD_GOLDEN=1 re-records it)")
    func goldenSeedReport() async throws {
        let report = Self.normalized(try await run())
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try report.json().write(to: Self.goldenReport)
        }
        let golden = try Data(contentsOf: Self.goldenReport)
        #expect(
            String(decoding: report.json(), as: UTF8.self) == String(decoding: golden, as: UTF8.self),
            "the seed run's evidence changed; review it and re-record with RECORD_GOLDEN=1")
    }

    @Test("every expectation records what was observed, in words, held or not")
    func observationsInWords() async throws {
        let report = try await run()
        for claim in report.claims where claim.verdict == .verified {
            #expect(!claim.evidence.isEmpty, "\(claim.id) has no evidence")
            for observation in claim.evidence {
                #expect(observation.held == true, "\(claim.id): \(observation.line)")
                #expect(observation.expectation?.isEmpty == false && !observation.observed.isEmpty)
            }
        }
        let secure = try #require(report.claims.first { $0.id == "connect.secure-authorization" })
        #expect(
            secure.evidence.map(\.observed).prefix(4) == [
                #"response_type: "code""#, #"code_challenge_method: "S256""#, "state: 32 characters", "connected: yes",
            ])
        let unconfirmed = try #require(report.claims.first { $0.id == "confirm.only-after-user-action" })
        #expect(unconfirmed.evidence[1].observed == "no meeting yet: the booking is not confirmed")
    }

    @Test("no debug description in the JSON, JUnit or console of the seed run or of a broken promise")
    func noDebugDescriptions() async throws {
        let runs =
            [("seed", try await run())]
            + (try await SeedVerificationTests.mutations.asyncMap {
                let screens = $0.screenFinding == nil ? SharedBrowser.withoutScreens : SharedBrowser.screens
                return ($0.name, try await run($0.backend, screens: screens))
            })
        for (name, report) in runs {
            for (format, text) in outputs(report) {
                #expect(DebugDescriptions.find(in: text) == [], "\(name), \(format)")
            }
        }
    }

    @Test("a failed expectation records what was observed and says 'expected …, observed …'")
    func failureInWords() async throws {
        let report = try await run(
            MockBackend(misbehaviours: [.revokeDoesNotRevoke]), screens: SharedBrowser.withoutScreens)
        let claim = try #require(report.claims.first { $0.id == "disconnect.tokens-invalidated" })
        #expect(claim.verdict == .failed)
        #expect(
            claim.detail
                == "Zoom refuses the old access token: expected Zoom answers 401 code 124, "
                + "observed Zoom accepted the old access token")
        #expect(claim.evidence.last?.held == false)
        #expect(claim.evidence.last?.line == "✗ Zoom refuses the old access token: Zoom accepted the old access token")
        let testcase = try #require(try Self.testcases(report.junit())["disconnect.tokens-invalidated"])
        let failure = try #require(testcase.elements(forName: "failure").first)
        #expect(
            failure.attribute(forName: "message")?.stringValue
                == "expected Zoom answers 401 code 124, observed Zoom accepted the old access token")
    }

    @Test("JUnit: every case carries its sentence and evidence; manual cases say why they are skipped")
    func junitCases() async throws {
        let manual: Set = ["disconnect.open-integrations", "disconnect.find-zoom-account", "disconnect.click-delete"]
        let report = try await run(manual: manual)
        #expect(Set(report.claims.filter { $0.verdict == .manual }.map(\.id)) == manual)
        #expect(report.count(.verified) == 21)
        let cases = try Self.testcases(report.junit())
        #expect(cases.count == report.claims.count)
        for claim in report.claims {
            let testcase = try #require(cases[claim.id])
            let out = testcase.elements(forName: "system-out").first?.stringValue ?? ""
            #expect(out.hasPrefix("“\(claim.text)”\n"), "\(claim.id)")
            for observation in claim.evidence { #expect(out.contains(observation.line), "\(claim.id)") }
            if claim.verdict == .manual {
                #expect(
                    testcase.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue
                        == "manual: a step in the product's screens, checked by a person, not by verify")
            }
        }
    }

    /// The run's volatile parts replaced: start time, duration, checkout path, ports; meeting
    /// ids are numbered in order of appearance, so "two different ids" still shows.
    static func normalized(_ report: VerifyReport) -> VerifyReport {
        var report = report
        report.startedAt = "2026-12-02T09:00:00Z"
        report.durationSeconds = 0
        report.screenStepsSeconds = report.screenStepsSeconds.map { _ in 0 }
        let root = TemporarySite.repository.path + "/"
        var meetings: [String: Int] = [:]
        for index in report.claims.indices {
            report.claims[index].file = report.claims[index].file.replacingOccurrences(of: root, with: "")
            for item in report.claims[index].evidence.indices {
                report.claims[index].evidence[item].observed = report.claims[index].evidence[item].observed
                    .replacing(/127\.0\.0\.1:\d+/, with: "127.0.0.1:‹port›")
                    .replacing(/Zoom account: \S+/, with: "Zoom account: ‹zoom user›")
                    .replacing(/\b\d{9,}\b/) { match in
                        let id = String(match.output)
                        if meetings[id] == nil { meetings[id] = meetings.count + 1 }
                        return "‹meeting \(meetings[id]!)›"
                    }
            }
        }
        return report
    }

    /// JUnit's test cases by name, parsed as XML (so the file is well-formed, too).
    static func testcases(_ junit: String) throws -> [String: XMLElement] {
        let document = try XMLDocument(xmlString: junit)
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        return Dictionary(
            cases.map { ($0.attribute(forName: "name")?.stringValue ?? "", $0) },
            uniquingKeysWith: { first, _ in first })
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
