import Foundation

/// `GET /v2/users/me`: who authorized the app (the token response says nothing about it).
public struct ZoomUser: Sendable, Hashable, Codable {
    public var id: String
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var accountId: String?
    public var type: Int?
    public var timezone: String?
    public var status: String?
}

/// The body of `POST /v2/users/me/meetings` (Zoom's `meetingCreate`).
public struct MeetingRequest: Sendable, Hashable, Codable {
    public var topic: String
    /// 2 = scheduled.
    public var type: Int
    /// `yyyy-MM-ddTHH:mm:ssZ` (UTC).
    public var startTime: String?
    /// Minutes.
    public var duration: Int?
    public var timezone: String?
    public var agenda: String?

    public init(topic: String, startTime: Date?, duration: Int?, timezone: String? = "UTC", agenda: String? = nil) {
        self.topic = topic
        self.type = 2
        self.startTime = startTime.map(ZoomTime.format)
        self.duration = duration
        self.timezone = timezone
        self.agenda = agenda
    }
}

/// A Zoom meeting as created or fetched. `startURL` signs the host in, so it is a credential.
public struct Meeting: Sendable, Hashable, Codable, CustomStringConvertible {
    public var id: Int64
    public var uuid: String?
    public var hostId: String?
    public var hostEmail: String?
    public var topic: String?
    public var type: Int?
    public var status: String?
    public var startTime: String?
    public var duration: Int?
    public var timezone: String?
    public var agenda: String?
    public var createdAt: String?
    /// The host link (contains a `zak` sign-in token).
    public var startUrl: String
    /// The participant link.
    public var joinUrl: String
    public var password: String?

    public var description: String {
        "Meeting(id: \(id), topic: \(topic ?? ""), start: \(startTime ?? "-"), join: \(joinUrl), host link: ‹redacted›)"
    }
}

/// Zoom's wire format for times: `2026-11-25T10:00:00Z`.
public enum ZoomTime {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }
}

/// An item of `GET /v2/users/me/meetings`.
public struct MeetingSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var uuid: String?
    public var topic: String?
    public var agenda: String?
    public var startTime: String?
    public var joinUrl: String?
}

struct MeetingPage: Decodable {
    var meetings: [MeetingSummary]
}
