/// One HTTP request, as plain values so it can cross threads.
public struct HTTPRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case patch = "PATCH"
        case delete = "DELETE"
        case head = "HEAD"
    }

    public var method: Method
    public var url: String
    /// Sent in order; names are case-insensitive on the wire.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    public var timeouts: Timeouts
    /// Off by default: OAuth redirects carry codes that must not be followed blindly.
    public var followRedirects: Bool

    public init(
        _ method: Method,
        _ url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil,
        timeouts: Timeouts = Timeouts(),
        followRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.followRedirects = followRedirects
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body && lhs.timeouts == rhs.timeouts
            && lhs.followRedirects == rhs.followRedirects && lhs.headers.elementsEqual(rhs.headers, by: ==)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(body)
    }
}

/// How long a request may take; both limits are always set, so no call can hang forever.
public struct Timeouts: Sendable, Hashable {
    /// Time to establish the connection (TCP and TLS).
    public var connect: Duration
    /// Time for the whole transfer, connection included.
    public var total: Duration

    public init(connect: Duration = .seconds(10), total: Duration = .seconds(30)) {
        self.connect = connect
        self.total = total
    }
}
