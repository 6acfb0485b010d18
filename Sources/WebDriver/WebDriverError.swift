/// Why a browser command failed, in words a test or a verify report can show as they are.
public struct WebDriverError: Error, Sendable, CustomStringConvertible {
    /// The W3C error code (`no such element`, `javascript error`, …), or `unavailable` when the
    /// browser or its driver could not be started or reached.
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    static func unavailable(_ message: String) -> WebDriverError {
        WebDriverError(code: "unavailable", message: message)
    }

    public var description: String { "\(code): \(message)" }
}
