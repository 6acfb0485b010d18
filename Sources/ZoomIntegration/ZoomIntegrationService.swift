import Foundation
import Logging
import ZoomAPI

/// valhallgames.net's Zoom integration, as the help article describes it: connect through
/// Zoom's authorization, a meeting per confirmed future booking, troubleshooting, disconnect,
/// and what is kept afterwards.
public actor ZoomIntegrationService {
    public nonisolated let configuration: ZoomConfiguration
    /// The app's webhook Secret Token: the key of Zoom's `x-zm-signature`.
    let webhookSecret: Secret
    public nonisolated let store: IntegrationStateStore
    let oauth: ZoomOAuthClient
    let now: @Sendable () -> Date
    let pause: @Sendable (Duration) async -> Void
    let retry: RetryPolicy
    let defects: Defects
    var sessions: [String: ZoomSession] = [:]
    /// Only with `Defects.callsAfterDisconnect`: tokens wrongly kept in memory after a disconnect.
    var retainedAfterDisconnect: [String: ZoomConnection] = [:]
    public private(set) var calls: [ZoomCallRecord] = []
    /// `nil` until the first Zoom work of this start has looked for pending revocations.
    var hasPendingRevocations: Bool?

    /// Deliberate breakages, so `verify`'s tests can prove each claim's check notices them.
    public struct Defects: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Creates the meeting when the booking is created, before any confirmation.
        public static let meetingBeforeConfirmation = Defects(rawValue: 1)
        /// Keeps using the tokens after a disconnect.
        public static let callsAfterDisconnect = Defects(rawValue: 2)
        /// Stores the whole Zoom meeting (passwords, topic, ...) with the booking.
        public static let storesExtraMeetingData = Defects(rawValue: 4)
    }

    /// - Parameters:
    ///   - now: the clock bookings and tokens are judged by.
    ///   - pause: how retries wait (tests shorten it).
    ///   - retry: attempts, backoff and deadline when Zoom fails.
    public init(
        configuration: ZoomConfiguration, webhookSecret: Secret, store: IntegrationStateStore,
        now: @escaping @Sendable () -> Date = Date.init,
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        retry: RetryPolicy = RetryPolicy(), defects: Defects = []
    ) {
        self.configuration = configuration
        self.webhookSecret = webhookSecret
        self.store = store
        self.oauth = ZoomOAuthClient(configuration: configuration, now: now)
        self.now = now
        self.pause = pause
        self.retry = retry
        self.defects = defects
    }

    // MARK: Connect

    /// Step 5 of "Connecting Zoom": the Zoom URL the user is redirected to.
    /// - Parameter browserBinding: the cookie given to the browser that starts the flow; only a
    ///   callback carrying it completes the flow.
    public func startConnect(accountID: String, browserBinding: Secret? = nil) throws(IntegrationError) -> URL {
        let request = oauth.authorizationRequest()
        do {
            try store.save(
                PendingAuthorization(
                    accountID: accountID, codeVerifier: request.codeVerifier, createdAt: now(),
                    browserBinding: browserBinding.map(PKCE.challenge(for:))),
                state: request.state)
        } catch {
            throw .storage("\(error)")
        }
        return URL(string: request.url) ?? URL(fileURLWithPath: "/")
    }

    /// Step 6: Zoom sent the user back; check `state`, trade the code, remember the connection.
    @discardableResult
    /// - Parameter browserBinding: the cookie the callback's browser carried; it must be the one
    ///   the flow was started with (none, for flows started by code).
    public func completeConnect(redirectURL: String, browserBinding: Secret? = nil) async throws(IntegrationError)
        -> ZoomConnection
    {
        await settlePendingRevocations()
        let items = URLComponents(string: redirectURL)?.queryItems ?? []
        guard let state = items.first(where: { $0.name == "state" })?.value, let started = store.pending(state: state)
        else { throw .unknownAuthorizationState }
        // Checked before the state is used up, so a stranger's request cannot spend the user's flow.
        guard started.browserBinding == browserBinding.map(PKCE.challenge(for:)) else {
            throw .authorizationFromAnotherBrowser
        }
        guard let pending = store.takePending(state: state) else { throw .unknownAuthorizationState }
        guard let code = items.first(where: { $0.name == "code" })?.value else {
            throw .authorizationDenied(items.first { $0.name == "error" }?.value ?? "no code in the redirect")
        }
        do {
            record(pending.accountID, "oauth.exchange")
            let tokens = try await oauth.exchange(code: Secret(code), codeVerifier: pending.codeVerifier)
            record(pending.accountID, "users.me")
            let user = try await ZoomMeetingsClient(configuration: configuration, tokens: tokens)
                .currentUser(accessToken: tokens.accessToken)
            let connection = ZoomConnection(accountID: pending.accountID, zoomUserID: user.id, tokens: tokens)
            try store.save(connection)
            Self.logger.debug("account \(pending.accountID): connected to Zoom user \(user.id), scopes \(tokens.scope)")
            sessions[pending.accountID] = nil
            return connection
        } catch let error as ZoomError {
            throw .zoom(error)
        } catch {
            throw .storage("\(error)")
        }
    }

    /// "Zoom connected" on the Integrations page.
    public func isConnected(accountID: String) -> Bool {
        store.connection(accountID) != nil
    }

    // MARK: Disconnect

    /// Deletes the account's tokens and any session built on them.
    func forget(_ accountID: String) {
        if defects.contains(.callsAfterDisconnect) { retainedAfterDisconnect[accountID] = store.connection(accountID) }
        store.deleteConnection(accountID)
        sessions[accountID] = nil
    }

    func record(_ accountID: String, _ operation: String) {
        Self.logger.debug("account \(accountID): \(operation)")
        calls.append(ZoomCallRecord(accountID: accountID, operation: operation, time: now()))
    }

    /// The session for an account's stored tokens, persisting each rotation (unless the
    /// connection was deleted meanwhile, which must not bring it back).
    func session(for accountID: String) -> ZoomSession? {
        if let session = sessions[accountID] { return session }
        guard let connection = store.connection(accountID) ?? retainedAfterDisconnect[accountID] else { return nil }
        let store = self.store
        let session = ZoomSession(tokens: connection.tokens, oauth: oauth) { tokens in
            Self.logger.debug("account \(accountID): tokens rotated")
            guard var current = store.connection(accountID) else { return }
            current.tokens = tokens
            try? store.save(current)
        }
        sessions[accountID] = session
        return session
    }
}

extension ZoomIntegrationService {
    /// What the integration does, at debug; values that are secrets never reach it.
    static let logger = Logger(label: "zoom.integration")

    /// The integration's clock (the mock's, in tests).
    public func currentTime() -> Date { now() }

    /// The stored connection, for evidence in checks.
    public func connection(accountID: String) -> ZoomConnection? { store.connection(accountID) }

    /// Runs `call` as the integration would: the account's current access token, refreshed once
    /// when Zoom says it expired. verify's probes use it so they see Zoom as the product does.
    public func withZoom<Value: Sendable>(
        accountID: String, _ call: @Sendable (ZoomMeetingsClient, Secret) async throws(ZoomError) -> Value
    ) async throws(IntegrationError) -> Value {
        await settlePendingRevocations()
        guard let session = session(for: accountID) else { throw .notConnected(accountID) }
        do {
            return try await session.withMeetingsClient(call)
        } catch {
            throw .zoom(error)
        }
    }

    /// The Zoom calls this account made at or after `time`.
    public func calls(accountID: String, since time: Date) -> [ZoomCallRecord] {
        calls.filter { $0.accountID == accountID && $0.time >= time }
    }
}

extension ZoomIntegrationService {
    /// Deletes the meetings of every booking (and `extraMeetingIDs`) through any connection
    /// still held, then revokes every connection: a live verification run leaves nothing behind.
    /// - Returns: meetings deleted, and those left (Zoom refused, or no connection to do it).
    @discardableResult
    public func removeEverythingCreated(extraMeetingIDs: [Int64] = []) async -> (deleted: Int, left: Int) {
        await settlePendingRevocations()
        let ids = Set(store.bookings().compactMap(\.zoomMeeting?.meetingID) + extraMeetingIDs)
        var deleted = 0
        if let account = store.connections().first?.accountID, let session = session(for: account) {
            for id in ids.sorted() {
                record(account, "meetings.delete")
                do {
                    try await session.withMeetingsClient { (client, token) async throws(ZoomError) -> Void in
                        try await client.deleteMeeting(id: id, accessToken: token)
                    }
                    deleted += 1
                } catch  where error.isNotFound {
                    deleted += 1  // already gone at Zoom
                } catch {
                    Self.logger.warning("meeting \(id) could not be deleted: \(error)")
                }
            }
        }
        for connection in store.connections() { await disconnect(accountID: connection.accountID) }
        return (deleted, ids.count - deleted)
    }
}
