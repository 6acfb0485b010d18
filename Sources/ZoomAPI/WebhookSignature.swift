import Crypto
import Foundation

/// Zoom's webhook signature: `v0=` + hex(HMAC-SHA256(secret token, "v0:{timestamp}:{raw body}")),
/// sent in `x-zm-signature` with the timestamp (epoch seconds) in `x-zm-request-timestamp`.
public enum WebhookSignature {
    /// The string that is signed.
    public static func message(timestamp: String, body: String) -> String {
        "v0:\(timestamp):\(body)"
    }

    public static func sign(timestamp: String, body: String, secret: String) -> String {
        "v0=" + hmacHex(message(timestamp: timestamp, body: body), key: secret)
    }

    /// Checks a received signature in constant time.
    public static func verify(signature: String, timestamp: String, body: String, secret: String) -> Bool {
        let expected = Array(sign(timestamp: timestamp, body: body, secret: secret).utf8)
        let received = Array(signature.utf8)
        guard expected.count == received.count else { return false }
        return zip(expected, received).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// hex(HMAC-SHA256(key, text)), also Zoom's `encryptedToken` for URL validation.
    public static func hmacHex(_ text: String, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
