/// A transfer that produced no HTTP response: curl's code and text, and the URL without its
/// query string (which may hold codes or tokens). Never carries request headers.
public struct CurlHTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcurl's `CURLcode`.
    public let code: Int
    /// curl's message for the code, plus its detail when it gave one.
    public let message: String
    /// Scheme, host, port and path only.
    public let url: String
    public let method: String

    init(code: Int, message: String, url: String, method: String) {
        self.code = code
        self.message = message
        self.url = Self.redact(url)
        self.method = method
    }

    /// `CURLE_OPERATION_TIMEDOUT`: the connect or total timeout ran out.
    public var isTimeout: Bool { code == 28 }
    /// Nothing accepted the connection (`CURLE_COULDNT_CONNECT`).
    public var isConnectionRefused: Bool { code == 7 }
    /// The peer closed the connection without (a complete) response: 52 empty reply,
    /// 56 receive failure, 18 partial body.
    public var isConnectionDropped: Bool { [18, 52, 56].contains(code) }

    public var description: String {
        "\(method) \(url): curl error \(code): \(message)"
    }

    /// Drops user info, query and fragment, which is where secrets ride in URLs.
    static func redact(_ url: String) -> String {
        var text = url
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            !text[scheme.upperBound..<at].contains("/")
        {
            text.removeSubrange(scheme.upperBound...at)
        }
        return text
    }
}
