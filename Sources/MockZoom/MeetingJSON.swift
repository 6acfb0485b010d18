import Foundation
import ZoomAPI

/// A create-meeting body, checked the way Zoom checks it.
struct MeetingDraft {
    var topic: String
    var type: Int
    var startTime: String?
    var duration: Int
    var timezone: String
    var agenda: String?

    /// The draft, or the names of the invalid fields (Zoom's "Validation Failed." list).
    static func validate(_ body: [String: Any], defaultTimezone: String) -> Result<MeetingDraft, InvalidFields> {
        var invalid: [String] = []
        let topic = body["topic"] as? String ?? "Zoom Meeting"
        if topic.count > 200 || (body["topic"] != nil && !(body["topic"] is String)) { invalid.append("topic") }
        let type = integer(body["type"]) ?? 2
        if ![1, 2, 3, 8].contains(type) { invalid.append("type") }
        var startTime: String?
        if let raw = body["start_time"] {
            if let text = raw as? String, let date = parseStart(text) {
                startTime = ZoomTime.format(date)
            } else {
                invalid.append("start_time")
            }
        }
        let duration = integer(body["duration"]) ?? 60
        if duration < 0 { invalid.append("duration") }
        let agenda = body["agenda"] as? String
        if (agenda?.count ?? 0) > 2000 { invalid.append("agenda") }
        guard invalid.isEmpty else { return .failure(InvalidFields(names: invalid)) }
        let timezone = body["timezone"] as? String ?? defaultTimezone
        return .success(
            MeetingDraft(
                topic: topic, type: type, startTime: [2, 8].contains(type) ? startTime : nil, duration: duration,
                timezone: timezone, agenda: agenda))
    }

    struct InvalidFields: Error, Sequence {
        var names: [String]
        func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }
    }

    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !(value is Bool) else { return nil }
        return number.intValue
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, or without `Z` (then read as UTC here).
    private static func parseStart(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        return formatter.date(from: text + "Z")
    }
}

/// The JSON Zoom returns for a meeting (create's 201 and get's 200 share it; create's also
/// carries `uuid`, `host_id` and `status`, as the live API does).
enum MeetingJSON {
    static func object(_ meeting: MeetingRecord, user: MockUser) -> [String: Any] {
        var object: [String: Any] = [
            "uuid": meeting.uuid, "id": meeting.id, "host_id": user.id, "host_email": user.email,
            "topic": meeting.topic, "type": meeting.type, "status": "waiting", "duration": meeting.duration,
            "timezone": meeting.timezone, "created_at": meeting.createdAt, "start_url": meeting.startURL,
            "join_url": meeting.joinURL, "password": meeting.password, "h323_password": meeting.password,
            "pre_schedule": false,
            "settings": [
                "host_video": false, "participant_video": false, "join_before_host": false, "mute_upon_entry": false,
                "waiting_room": true, "approval_type": 2, "audio": "voip", "auto_recording": "none",
            ] as [String: Any],
        ]
        if let start = meeting.startTime { object["start_time"] = start }
        if let agenda = meeting.agenda { object["agenda"] = agenda }
        return object
    }

    /// An item of the list endpoint: no host link, agenda cut to 250 characters, as Zoom does.
    static func summary(_ meeting: MeetingRecord, user: MockUser) -> [String: Any] {
        var object: [String: Any] = [
            "uuid": meeting.uuid, "id": meeting.id, "host_id": user.id, "topic": meeting.topic, "type": meeting.type,
            "duration": meeting.duration, "timezone": meeting.timezone, "created_at": meeting.createdAt,
            "join_url": meeting.joinURL,
        ]
        if let start = meeting.startTime { object["start_time"] = start }
        if let agenda = meeting.agenda { object["agenda"] = String(agenda.prefix(250)) }
        return object
    }
}
