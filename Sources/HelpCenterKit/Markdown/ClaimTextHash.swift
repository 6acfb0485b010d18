import Crypto
import Foundation

extension Claim {
    /// SHA-256 of the claim's text: `verify.lock`, reports and page marks are tied to it, so an
    /// edited sentence loses its "verified" mark until it is verified again.
    public var textHash: String { Self.hash(of: text) }

    public static func hash(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
