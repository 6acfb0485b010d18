import CurlHTTP
import Foundation
import ZoomAPI
import ZoomIntegration

/// One thing a check saw, in words a person can check against the product: what the article
/// led it to expect, what it observed, and whether that held. A note has no expectation.
public struct Observation: Sendable, Hashable, Codable {
    /// What the sentence promises, e.g. "Zoom's OAuth authorization-code flow is used".
    public var expectation: String?
    /// What was seen, whether or not it matched, e.g. `response_type is "code"`.
    public var observed: String
    /// `nil` for a note, which asserts nothing.
    public var held: Bool?
    /// What would have held, kept when it did not: `response_type: "code"`.
    public var expected: String?

    public init(expectation: String?, observed: String, held: Bool?, expected: String? = nil) {
        self.expectation = expectation
        self.observed = observed
        self.held = held
        self.expected = expected
    }

    /// One line for the console and JUnit: `✓ expectation: observed`.
    public var line: String {
        switch held {
        case true?: "✓ \(expectation ?? ""): \(observed)"
        case false?: "✗ \(expectation ?? ""): \(observed)"
        case nil: "· \(observed)"
        }
    }
}

/// A value that can say what it is in plain words, for evidence: never Swift's debug
/// description (`Optional("code")`, `["a"]`), which QA cannot read as an observation.
public protocol EvidenceDescribable {
    var evidenceText: String { get }
}

extension String: EvidenceDescribable {
    public var evidenceText: String { "\"\(self)\"" }
}

extension Int: EvidenceDescribable {
    public var evidenceText: String { String(self) }
}

extension Int64: EvidenceDescribable {
    public var evidenceText: String { String(self) }
}

extension Bool: EvidenceDescribable {
    public var evidenceText: String { self ? "yes" : "no" }
}

extension Optional: EvidenceDescribable where Wrapped: EvidenceDescribable {
    public var evidenceText: String { self?.evidenceText ?? "absent" }
}

extension Array: EvidenceDescribable where Element: EvidenceDescribable {
    public var evidenceText: String { isEmpty ? "none" : map(\.evidenceText).joined(separator: ", ") }
}

extension Set: EvidenceDescribable where Element: EvidenceDescribable {
    public var evidenceText: String { isEmpty ? "none" : map(\.evidenceText).sorted().joined(separator: ", ") }
}

/// Errors as their messages: our error types describe themselves for people; anything else
/// (Foundation's, the system's) by its localized description, never its debug dump.
enum ErrorWording {
    static func words(_ error: any Error) -> String {
        switch error {
        case let error as ZoomError: error.description
        case let error as IntegrationError: error.description
        case let error as CurlHTTPError: error.description
        case let error as CheckFailure: error.description
        default: error.localizedDescription
        }
    }
}
