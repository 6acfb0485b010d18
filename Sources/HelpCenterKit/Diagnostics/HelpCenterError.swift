import Foundation

/// The one error HelpCenterKit throws: every problem that stopped the work, each with its
/// location, so the CLI can print them all at once instead of one per run.
public struct HelpCenterError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The problems, in the order they were found; at least one is an error.
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
