import Foundation

/// Everything the mock remembers, behind one actor so concurrent requests see a consistent state.
actor MockZoomStore {
    var codes: [String: IssuedCode] = [:]
    var grants: [Int: Grant] = [:]
    var accessTokens: [String: AccessTokenRecord] = [:]
    var meetings: [Int64: MeetingRecord] = [:]
    var pendingConsents: [String: [String: String]] = [:]
    private(set) var journal: [JournalEntry] = []
    private(set) var deliveries: [WebhookDelivery] = []
    /// Every code, token, ZAK and join password handed out and every PKCE verifier received,
    /// for leak tests.
    private(set) var credentialsSeen: [String] = []
    private var faults: [FaultRule]
    private var nextGrantID = 1
    private var nextTokenNumber = 1

    init(faults: [FaultRule]) {
        self.faults = faults
    }

    // MARK: Journal, faults, webhooks

    func record(_ entry: JournalEntry) { journal.append(entry) }
    func clearJournal() { journal.removeAll() }
    func record(_ delivery: WebhookDelivery) { deliveries.append(delivery) }
    func addFault(_ rule: FaultRule) { faults.append(rule) }
    func sawCredential(_ value: String) { credentialsSeen.append(value) }
    func clearFaults() { faults.removeAll() }

    /// The first rule matching the request, used up by one if it counts.
    func takeFault(method: String, path: String) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let fault = faults[index].fault
        if let times = faults[index].times {
            if times <= 1 { faults.remove(at: index) } else { faults[index].times = times - 1 }
        }
        return fault
    }

    // MARK: OAuth

    func issueCode(_ code: IssuedCode) -> String {
        let value = MockRandom.token(byteCount: 24)
        credentialsSeen.append(value)
        codes[value] = code
        return value
    }

    /// Marks the code used and returns it; `nil` when unknown or already used.
    func redeemCode(_ value: String) -> IssuedCode? {
        guard var code = codes[value], !code.used else { return nil }
        code.used = true
        codes[value] = code
        return code
    }

    /// A new grant for the user; earlier grants of the same app and user die (Zoom: "the last
    /// token issued is considered valid, and the previous ones are invalidated").
    func newGrant(userID: String, clientID: String, refreshExpiresAt: Date) -> Int {
        for (id, grant) in grants where grant.userID == userID && grant.clientID == clientID {
            grants[id]?.revoked = true
        }
        let id = nextGrantID
        nextGrantID += 1
        grants[id] = Grant(
            id: id, userID: userID, clientID: clientID, refreshToken: "", refreshExpiresAt: refreshExpiresAt)
        return id
    }

    /// Issues a new access token and rotates the grant's refresh token.
    func issueTokens(grantID: Int, accessExpiresAt: Date, refreshExpiresAt: Date) -> (access: String, refresh: String) {
        let number = nextTokenNumber
        nextTokenNumber += 1
        let access = MockRandom.token(byteCount: 32)
        let refresh = MockRandom.token(byteCount: 32)
        credentialsSeen += [access, refresh]
        accessTokens[access] = AccessTokenRecord(
            grantID: grantID, label: "access-\(number)", expiresAt: accessExpiresAt)
        grants[grantID]?.refreshToken = refresh
        grants[grantID]?.refreshExpiresAt = refreshExpiresAt
        return (access, refresh)
    }

    /// The live grant whose current refresh token this is.
    func grant(forRefreshToken token: String, at now: Date) -> Grant? {
        grants.values.first { $0.refreshToken == token && !$0.revoked && $0.refreshExpiresAt > now }
    }

    /// The grant an access or refresh token belongs to, revoked or not.
    func grantID(forAnyToken token: String) -> Int? {
        accessTokens[token]?.grantID ?? grants.values.first { $0.refreshToken == token }?.id
    }

    func revokeGrant(_ id: Int) { grants[id]?.revoked = true }

    /// Live grants of a user for an app (what a Marketplace uninstall removes).
    func liveGrants(userID: String, clientID: String) -> [Grant] {
        grants.values.filter { $0.userID == userID && $0.clientID == clientID && !$0.revoked }.sorted { $0.id < $1.id }
    }

    enum TokenCheck {
        case valid(AccessTokenRecord, Grant)
        case invalid
        case expired(AccessTokenRecord)
    }

    func check(accessToken token: String?, at now: Date) -> TokenCheck {
        guard let token, let record = accessTokens[token], let grant = grants[record.grantID], !grant.revoked else {
            return .invalid
        }
        return record.expiresAt > now ? .valid(record, grant) : .expired(record)
    }

    func label(ofAccessToken token: String?) -> String? {
        token.map { accessTokens[$0]?.label ?? "unknown" }
    }

    // MARK: Meetings

    func nextMeetingID() -> Int64 {
        var id: Int64
        repeat { id = Int64.random(in: 10_000_000_000...99_999_999_999) } while meetings[id] != nil
        return id
    }

    func store(_ meeting: MeetingRecord) { meetings[meeting.id] = meeting }
    func meeting(_ id: Int64) -> MeetingRecord? { meetings[id] }
    func deleteMeeting(_ id: Int64) { meetings[id] = nil }
    func allMeetings() -> [MeetingRecord] { meetings.values.sorted { $0.createdAt < $1.createdAt || $0.id < $1.id } }
}

/// Random values shaped like Zoom's.
enum MockRandom {
    static func token(byteCount: Int) -> String {
        base64(byteCount: byteCount).replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Padded base64, like Zoom's meeting `uuid` (`RPrVctdSRxaVmIUTHVUlGQ==`).
    static func base64(byteCount: Int) -> String {
        Data((0..<byteCount).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    }

    static func password(length: Int) -> String {
        let characters = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<length).map { _ in characters.randomElement() ?? "a" })
    }
}

extension MockZoomStore {
    func setPendingConsent(_ id: String, _ query: [String: String]) { pendingConsents[id] = query }

    /// The authorize request waiting on the consent page; each can be decided once.
    func takePendingConsent(_ id: String) -> [String: String]? {
        defer { pendingConsents[id] = nil }
        return pendingConsents[id]
    }
}
