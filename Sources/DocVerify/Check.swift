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

/// A failed expectation: what the article promised and what happened instead.
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    public var expectation: String
    public var expected: String
    public var actual: String

    public var description: String { "\(expectation): expected \(expected), got \(actual)" }
}

/// What a check works with: the environment, and assertion helpers that keep evidence.
public final class CheckContext: Sendable {
    public let environment: CheckEnvironment
    private let log = Mutex<(assertions: Int, evidence: [String])>((0, []))

    init(environment: CheckEnvironment) {
        self.environment = environment
    }

    /// The integration under test, fresh for this check.
    public var integration: ZoomIntegrationService { environment.integration }

    /// Asserts `condition`; on failure the check stops with what was expected and what happened.
    public func expect(
        _ condition: Bool, _ expectation: String, expected: @autoclosure () -> String = "true",
        actual: @autoclosure () -> String = "false"
    ) throws {
        let expectedText = Self.scrub(expected())
        let actualText = Self.scrub(actual())
        log.withLock {
            $0.assertions += 1
            $0.evidence.append("\(condition ? "ok" : "FAILED"): \(expectation) (\(actualText))")
        }
        guard condition else {
            throw CheckFailure(expectation: expectation, expected: expectedText, actual: actualText)
        }
    }

    /// Asserts two values are equal, showing both.
    public func expectEqual<Value: Equatable>(_ actual: Value, _ expected: Value, _ expectation: String) throws {
        try expect(actual == expected, expectation, expected: "\(expected)", actual: "\(actual)")
    }

    /// Something worth keeping in the report that is not itself an assertion.
    public func note(_ evidence: String) {
        log.withLock { $0.evidence.append(Self.scrub(evidence)) }
    }

    /// URL query strings carry codes, states, passwords and the host's `zak` sign-in token:
    /// they never reach a report.
    static func scrub(_ text: String) -> String {
        text.replacing(/\?[^\s"”)]+/, with: "?‹redacted›")
    }

    var assertions: Int { log.withLock { $0.assertions } }
    var evidence: [String] { log.withLock { $0.evidence } }
}
