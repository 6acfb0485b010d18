import Crypto
import Foundation

/// Checks a `code_verifier` against the challenge given at authorize (RFC 7636).
enum PKCEVerifier {
    static func matches(verifier: String?, challenge: String?, method: String) -> Bool {
        guard let challenge else { return true }
        guard let verifier else { return false }
        switch method {
        case "S256":
            let digest = Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            return digest == challenge
        case "plain": return verifier == challenge
        default: return false
        }
    }
}
