import Foundation

/// What of Zoom traffic may reach a log: URLs without credential values, bodies with every
/// token, code, verifier and secret replaced, so `--log-level trace` is safe to paste in a ticket.
public enum Redaction {
    public static let marker = "‹redacted›"

    /// Query parameters whose values are harmless and help debugging; every other value is hidden.
    static let visibleParameters: Set<String> = [
        "response_type", "grant_type", "client_id", "redirect_uri", "code_challenge_method", "type", "page_size",
        "page_number", "seconds", "method", "path", "times", "fault", "error", "since",
    ]

    /// JSON and form keys whose values are credentials, or URLs that carry one (`start_url` holds
    /// the host's ZAK token).
    static let secretKeys: Set<String> = [
        "access_token", "refresh_token", "id_token", "code", "code_verifier", "client_secret", "state", "token",
        "plainToken", "encryptedToken", "password", "h323_password", "pstn_password", "encrypted_password",
        "start_url", "join_url", "registration_url", "signature", "credentials",
    ]

    /// Zoom's error texts, which can quote what was sent (a rejected code, a token).
    static let errorTextKeys: Set<String> = ["reason", "message", "errorMessage"]

    /// `https://u:pw@zoom.us/oauth/token?code=abc&grant_type=x#f` ->
    /// `https://zoom.us/oauth/token?code=‹redacted›&grant_type=x`: user info and fragment go,
    /// query values are hidden unless known to be harmless.
    public static func url(_ url: String) -> String {
        var text = url
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            !text[scheme.upperBound..<at].contains("/")
        {
            text.removeSubrange(scheme.upperBound...at)
        }
        guard let question = text.firstIndex(of: "?") else { return text }
        return text[...question] + form(String(text[text.index(after: question)...]))
    }

    /// A request or response body: JSON and form bodies with credential values hidden; anything
    /// else only by size.
    public static func body(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "(empty)" }
        if let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
            json is [String: Any] || json is [Any],
            let data = try? JSONSerialization.data(
                withJSONObject: redact(json), options: [.sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        {
            return text
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("="), !text.contains(" "), !text.contains("<") { return form(text) }
        return "‹\(bytes.count) bytes›"
    }

    /// `a=1&code=xyz` with every value not known to be harmless hidden.
    static func form(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            return visibleParameters.contains(String(name)) ? String(pair) : "\(name)=\(marker)"
        }.joined(separator: "&")
    }

    private static func redact(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]:
            var copy: [String: Any] = [:]
            for (key, item) in object {
                if secretKeys.contains(key) {
                    copy[key] = marker
                } else if let text = item as? String, errorTextKeys.contains(key) {
                    copy[key] = tokenShapedHidden(text)
                } else {
                    copy[key] = redact(item)
                }
            }
            return copy
        case let array as [Any]:
            return array.map(redact)
        case let text as String where text.contains("://"):
            return url(text)
        default:
            return value
        }
    }

    /// Zoom echoes credentials inside its error texts ("Invalid authorization code dOd-l0pX…"):
    /// any run of 16 or more token characters with a letter and a digit in it is hidden.
    static func tokenShapedHidden(_ text: String) -> String {
        text.replacing(/[A-Za-z0-9._~+\/=-]{16,}/) { match in
            let run = match.output
            let looksLikeToken = run.contains(where: \.isLetter) && run.contains(where: \.isNumber)
            return looksLikeToken ? Substring(marker) : run
        }
    }
}
