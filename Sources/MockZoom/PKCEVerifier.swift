import ZoomAPI

/// Checks a `code_verifier` against the challenge given at authorize (RFC 7636).
enum PKCEVerifier {
    static func matches(verifier: String?, challenge: String?, method: String) -> Bool {
        guard let challenge else { return true }
        guard let verifier else { return false }
        switch method {
        case "S256": return PKCE.challenge(for: Secret(verifier)) == challenge
        case "plain": return verifier == challenge
        default: return false
        }
    }
}
