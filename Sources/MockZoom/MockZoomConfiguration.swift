import ZoomAPI

/// The Zoom app and user the mock knows, and how it behaves.
public struct MockZoomConfiguration: Sendable, Hashable {
    public var app: RegisteredApp
    public var user: MockUser
    /// `.automatic` consents at once (a user who already clicked Allow); `.page` shows
    /// Allow/Decline first.
    public var consent: ConsentMode
    /// Access tokens live an hour; Zoom reports `expires_in` 3599.
    public var accessTokenLifetime: Int
    /// Authorization codes: 5 minutes, single use.
    public var codeLifetime: Int
    /// Zoom's sources disagree (90 days to 15 years), so it is a setting.
    public var refreshTokenLifetime: Int
    /// Faults applied to every matching request of this run.
    public var faults: [FaultRule]
    /// The account's plan: Zoom's per-second limits per rate-limit category, answered with
    /// Zoom's 429 (`X-RateLimit-Type: QPS`, no `Retry-After`). `.unlimited` by default.
    public var plan: ZoomPlan
    /// Meetings one user may create per UTC day (Zoom: 100); past it, Zoom's daily 429 with
    /// `Retry-After` at the next 00:00 UTC.
    public var dailyCreateLimit: Int
    /// `/oauth/revoke` answers 503 to the first this many calls for each token.
    public var revokeFailuresPerToken: Int
    /// After this many API calls an access token answers "Access token is expired." (Zoom
    /// expires tokens early at times); `nil` keeps the hour.
    public var accessTokenCallLimit: Int?
    /// Broken promises, for proving that `verify` notices each one.
    public var misbehaviours: Set<Misbehaviour>

    public init(
        app: RegisteredApp = RegisteredApp(),
        user: MockUser = MockUser(),
        consent: ConsentMode = .automatic,
        accessTokenLifetime: Int = 3600,
        codeLifetime: Int = 300,
        refreshTokenLifetime: Int = 15 * 365 * 86_400,
        faults: [FaultRule] = [],
        misbehaviours: Set<Misbehaviour> = [],
        plan: ZoomPlan = .unlimited,
        dailyCreateLimit: Int = 100,
        revokeFailuresPerToken: Int = 0,
        accessTokenCallLimit: Int? = nil
    ) {
        self.app = app
        self.user = user
        self.consent = consent
        self.accessTokenLifetime = accessTokenLifetime
        self.codeLifetime = codeLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.faults = faults
        self.misbehaviours = misbehaviours
        self.plan = plan
        self.dailyCreateLimit = dailyCreateLimit
        self.revokeFailuresPerToken = revokeFailuresPerToken
        self.accessTokenCallLimit = accessTokenCallLimit
    }

    /// Ways the mock can break Zoom's behaviour on purpose (mutation testing of `verify`).
    public enum Misbehaviour: String, Sendable, Hashable, CaseIterable {
        /// `/oauth/revoke` answers success but the tokens keep working.
        case revokeDoesNotRevoke = "revoke-does-not-revoke"
        /// Meetings come back with an empty `join_url`.
        case meetingWithoutJoinURL = "meeting-without-join-url"
        /// Every meeting gets the same id.
        case duplicateMeetingIDs = "duplicate-meeting-ids"
    }

    public enum ConsentMode: String, Sendable, Hashable {
        case automatic
        case page
    }
}

/// A Marketplace app as registered with Zoom: its credentials, redirect allow list and
/// webhook subscription.
public struct RegisteredApp: Sendable, Hashable {
    public var clientID: String
    public var clientSecret: String
    /// Redirect URLs on the app's allow list; authorize refuses any other.
    public var redirectURIs: [String]
    /// Where `app_deauthorized` is POSTed; `nil` means no subscription.
    public var webhookURL: String?
    /// The app's webhook Secret Token, the HMAC key of `x-zm-signature`.
    public var webhookSecret: String
    /// Space-separated scopes granted to the app's tokens.
    public var scope: String

    public init(
        clientID: String = "mock-client-id",
        clientSecret: String = "mock-client-secret",
        redirectURIs: [String] = ["http://127.0.0.1:8090/integrations/zoom/callback"],
        webhookURL: String? = nil,
        webhookSecret: String = "mock-webhook-secret",
        scope: String = "meeting:read:meeting meeting:write:meeting meeting:delete:meeting user:read:user"
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURIs = redirectURIs
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.scope = scope
    }
}

/// The Zoom user who signs in and consents.
public struct MockUser: Sendable, Hashable {
    public var id: String
    public var accountID: String
    public var email: String
    public var firstName: String
    public var lastName: String
    public var timezone: String
    public var pmi: Int64

    public init(
        id: String = "KDcuGIm1QgePTO8WbOqwIQ",
        accountID: String = "Eabc1DEFghiLHMA",
        email: String = "host@example.com",
        firstName: String = "Mock",
        lastName: String = "Host",
        timezone: String = "UTC",
        pmi: Int64 = 3_542_471_135
    ) {
        self.id = id
        self.accountID = accountID
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.timezone = timezone
        self.pmi = pmi
    }
}
