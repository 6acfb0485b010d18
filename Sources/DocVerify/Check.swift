import Foundation
import Synchronization
import ZoomIntegration

/// Swift code that proves one claim: it drives the integration against a backend and asserts
/// through `CheckContext`, which records what was seen.
public struct Check: Sendable {
    public let id: String
    let run: @Sendable (CheckContext) async throws -> Void

    public init(_ id: String, _ run: @escaping @Sendable (CheckContext) async throws -> Void) {
        self.id = id
        self.run = run
    }
}

/// A failed expectation: what the article promised, what that means to see, and what was seen.
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    public var expectation: String
    public var expected: String
    public var observed: String

    public var description: String { "\(expectation): expected \(expected), observed \(observed)" }
}

/// What a check works with: the environment, and assertion helpers that record what was
/// observed, in words, whether the expectation held or not.
public final class CheckContext: Sendable {
    public let environment: CheckEnvironment
    private let log = Mutex<(assertions: Int, evidence: [Observation])>((0, []))

    init(environment: CheckEnvironment) {
        self.environment = environment
    }

    /// The integration under test, fresh for this check.
    public var integration: ZoomIntegrationService { environment.integration }

    /// Asserts `condition`, recording `observed` either way; on failure the check stops with
    /// what was expected (the expectation itself, unless said otherwise) and what was observed.
    public func expect(
        _ condition: Bool, _ expectation: String, observed: String, expected: String? = nil
    ) throws {
        guard condition else { try fail(expectation, observed: observed, expected: expected) }
        record(expectation, observed: observed, held: true, expected: nil)
    }

    /// Asserts that `subject` has the expected value, observed as `subject: value`.
    public func expectEqual<Value: Equatable & EvidenceDescribable>(
        _ actual: Value, _ expected: Value, _ expectation: String, subject: String
    ) throws {
        try expect(
            actual == expected, expectation, observed: "\(subject): \(actual.evidenceText)",
            expected: "\(subject): \(expected.evidenceText)")
    }

    /// Records a failed expectation and stops the check: for a step that should not have
    /// been reached (a forged return that was accepted).
    public func fail(_ expectation: String, observed: String, expected: String? = nil) throws -> Never {
        let expectedText = Self.scrub(expected ?? expectation)
        let observedText = record(expectation, observed: observed, held: false, expected: expectedText)
        throw CheckFailure(expectation: expectation, expected: expectedText, observed: observedText)
    }

    @discardableResult
    private func record(_ expectation: String, observed: String, held: Bool, expected: String?) -> String {
        let observedText = Self.scrub(observed)
        log.withLock {
            $0.assertions += 1
            $0.evidence.append(
                Observation(expectation: expectation, observed: observedText, held: held, expected: expected))
        }
        return observedText
    }

    /// Something worth keeping in the report that is not itself an assertion.
    public func note(_ observed: String) {
        log.withLock { $0.evidence.append(Observation(expectation: nil, observed: Self.scrub(observed), held: nil)) }
    }

    /// URL query strings carry codes, states, passwords and the host's `zak` sign-in token:
    /// they never reach a report.
    static func scrub(_ text: String) -> String {
        text.replacing(/\?[^\s"”)]+/, with: "?‹redacted›")
    }

    var assertions: Int { log.withLock { $0.assertions } }
    var evidence: [Observation] { log.withLock { $0.evidence } }
}
