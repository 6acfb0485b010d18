import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636) with the `S256` method.
public enum PKCE {
    /// 64 random bytes as base64url: 86 characters, within RFC 7636's 43...128.
    public static func makeVerifier() -> Secret {
        Secret(randomURLSafe(byteCount: 64))
    }

    /// `BASE64URL(SHA256(verifier))`, what the authorize URL carries as `code_challenge`.
    public static func challenge(for verifier: Secret) -> String {
        base64URL(Data(SHA256.hash(data: Data(verifier.revealed.utf8))))
    }

    /// Random bytes as unpadded base64url, for `state`, verifiers and tokens.
    public static func randomURLSafe(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL(Data((0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
