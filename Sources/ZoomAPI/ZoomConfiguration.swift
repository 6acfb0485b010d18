/// Where Zoom is and which app is talking to it. The same code talks to the real Zoom, a
/// standalone mock or an in-process one: only these values differ.
public struct ZoomConfiguration: Sendable, Hashable {
    public var clientID: String
    public var clientSecret: Secret
    /// Must equal one of the app's registered redirect URLs.
    public var redirectURI: String
    /// Serves `/oauth/authorize`, `/oauth/token`, `/oauth/revoke`.
    public var oauthBaseURL: String
    /// Serves `/v2/...`; a token response's `api_url` replaces it for that token.
    public var apiBaseURL: String
    public var timeouts: TimeoutsConfiguration
    /// Pacing and retries shared by every client built from this configuration.
    public var callPolicy: ZoomCallPolicy

    public init(
        clientID: String,
        clientSecret: Secret,
        redirectURI: String,
        oauthBaseURL: String = "https://zoom.us",
        apiBaseURL: String = "https://api.zoom.us",
        timeouts: TimeoutsConfiguration = TimeoutsConfiguration(),
        callPolicy: ZoomCallPolicy = ZoomCallPolicy()
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.oauthBaseURL = Self.trimmed(oauthBaseURL)
        self.apiBaseURL = Self.trimmed(apiBaseURL)
        self.timeouts = timeouts
        self.callPolicy = callPolicy
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

/// Connect and total limits for each call to Zoom.
public struct TimeoutsConfiguration: Sendable, Hashable {
    public var connect: Duration
    public var total: Duration

    public init(connect: Duration = .seconds(5), total: Duration = .seconds(15)) {
        self.connect = connect
        self.total = total
    }
}
