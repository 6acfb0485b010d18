import Foundation
import ZoomAPI

/// A valhallgames.net account's Zoom connection: OAuth tokens and whose Zoom account they
/// open. Nothing is installed on the Zoom side; these tokens are all there is.
public struct ZoomConnection: Sendable, Hashable, Codable {
    public var accountID: String
    public var zoomUserID: String
    public var tokens: TokenSet
}

/// A booking, as valhallgames.net stores it.
public struct Booking: Sendable, Hashable, Codable {
    public var id: String
    public var accountID: String
    public var topic: String
    public var scheduledAt: Date
    public var durationMinutes: Int
    /// Set by the user's explicit confirmation; creating a booking does not confirm it.
    public var isConfirmed: Bool
    /// The only Zoom data kept with a booking.
    public var zoomMeeting: ZoomMeetingLink?
    /// Why Zoom could not give this booking a meeting yet, and when to try again.
    public var meetingUnavailable: MeetingUnavailable?
    /// Set just before asking Zoom for a meeting, so a crash or a lost answer is reconciled
    /// instead of creating a second meeting.
    var creationStarted: Bool

    /// What a booking carries in the meeting's agenda, to find its meeting again.
    var zoomKey: String { "valhallgames-booking:\(id)" }
}

/// A meeting Zoom refused for now: the user's daily meeting limit is reached.
public struct MeetingUnavailable: Sendable, Hashable, Codable {
    /// When Zoom's limit resets (its `Retry-After`); `nil` when Zoom did not say.
    public var retryAt: Date?
}

/// Exactly what is stored of a Zoom meeting: its id, the host link and the participant link.
public struct ZoomMeetingLink: Sendable, Hashable, Codable {
    public var meetingID: Int64
    public var hostLink: String
    public var participantLink: String
}

/// The article's checklist when a meeting link is missing.
public enum TroubleshootingCondition: String, Sendable, Hashable, Codable, CaseIterable {
    /// "Your Zoom account is still connected"
    case zoomNotConnected
    /// "The booking has been successfully confirmed"
    case bookingNotConfirmed
    /// "The scheduled time has not already passed"
    case scheduledTimePassed
    /// Zoom refused the meeting: the user's daily meeting limit is reached. The article's
    /// Troubleshooting list does not name it; `verify` warns about that.
    case zoomDailyLimitReached
}

/// One call the integration made to Zoom, for proving which calls happened after what.
public struct ZoomCallRecord: Sendable, Hashable, Codable {
    public var accountID: String
    public var operation: String
    public var time: Date
}

/// A disconnected account's token that Zoom has not yet confirmed revoked (Zoom could not be
/// reached): tried again at the next start and before any other Zoom work until it is.
struct PendingRevocation: Codable {
    var id: String
    var accountID: String
    var token: Secret
    var since: Date
}

/// A pending authorization: the account that started it and the PKCE verifier.
struct PendingAuthorization: Codable {
    var accountID: String
    var codeVerifier: Secret
    var createdAt: Date
    /// SHA-256 of the cookie given to the browser that started the flow; its callback must
    /// carry that cookie. `nil` for flows started by code (verify's API-level consent).
    var browserBinding: String?
}
