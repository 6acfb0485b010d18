/// A credential (client secret, token, authorization code) that prints as `‹redacted›`, so it
/// cannot leak through string interpolation, `print`, logs or error descriptions.
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The raw value, for the one place that must send it.
    public let revealed: String

    public init(_ value: String) {
        self.revealed = value
    }

    public init(from decoder: any Decoder) throws {
        revealed = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(revealed)
    }

    public var description: String { "‹redacted›" }
    public var debugDescription: String { "Secret(‹redacted›)" }
}
