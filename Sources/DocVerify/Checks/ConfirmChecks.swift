import Foundation
import ZoomAPI
import ZoomIntegration

/// "How Zoom Is Used": meetings come from confirmed bookings, one each.
enum ConfirmChecks {
    static let all: [Check] = [
        Check("confirm.creates-meeting-on-confirmation") { check in
            try await check.connected("acct-create")
            let start = await check.environment.now()
            let booking = try await check.confirmedBooking("acct-create")
            let meeting = try requireLink(booking, check)
            let creates = await check.operations("acct-create").filter { $0 == "meetings.create" }.count
            try check.expectEqual(creates, 1, "confirming created one Zoom meeting")
            if let posts = await check.meetingCreations(since: start) {
                try check.expectEqual(posts, 1, "Zoom received one create-meeting call")
            }
            let connection = try await requireConnection("acct-create", check)
            let atZoom = try await check.environment.probe(connection).meeting(
                id: meeting.meetingID, accessToken: connection.tokens.accessToken)
            try check.expectEqual(
                atZoom.joinUrl, meeting.participantLink, "the meeting exists at Zoom with the stored link")
        },
        Check("confirm.only-after-user-action") { check in
            try await check.connected("acct-explicit")
            let future = try await check.integration.createBooking(
                accountID: "acct-explicit", topic: "Unconfirmed", scheduledAt: await check.tomorrow())
            try check.expect(
                future.zoomMeeting == nil, "creating a booking does not create a meeting",
                actual: "a meeting was created")
            let past = try await check.integration.createBooking(
                accountID: "acct-explicit", topic: "Past", scheduledAt: await check.yesterday())
            let confirmedPast = try await check.integration.confirmBooking(past.id)
            try check.expect(
                confirmedPast.zoomMeeting == nil, "a confirmed booking in the past gets no meeting",
                actual: "a meeting was created")
            try check.expectEqual(
                await check.operations("acct-explicit").filter { $0 == "meetings.create" }, [],
                "no meeting is created without the user's confirmation")
            if let posts = await check.meetingCreations(since: .distantPast) {
                try check.expectEqual(posts, 0, "Zoom received no create-meeting call")
            }
            let confirmed = try await check.integration.confirmBooking(future.id)
            try check.expect(
                confirmed.zoomMeeting != nil, "the user's confirmation then creates it", actual: "no meeting")
        },
        Check("confirm.unique-meeting-per-booking") { check in
            try await check.connected("acct-unique")
            let first = try requireLink(try await check.confirmedBooking("acct-unique", topic: "First"), check)
            let second = try requireLink(try await check.confirmedBooking("acct-unique", topic: "Second"), check)
            try check.expect(
                first.meetingID != second.meetingID, "each booking has its own meeting", expected: "different ids",
                actual: "both \(first.meetingID)")
            for link in [first, second] {
                try check.expect(!link.hostLink.isEmpty, "a host link is provided", actual: "empty")
                try check.expect(!link.participantLink.isEmpty, "a participant join link is provided", actual: "empty")
                try check.expect(
                    link.hostLink != link.participantLink, "host and participant links differ", actual: "the same link")
            }
            let bookings = check.integration.store.bookings()
            let again = try await check.integration.confirmBooking(bookings[0].id)
            try check.expectEqual(again.zoomMeeting, bookings[0].zoomMeeting, "confirming again keeps the one meeting")
            try check.expectEqual(
                await check.operations("acct-unique").filter { $0 == "meetings.create" }.count, 2,
                "two bookings, two meetings")
        },
        Check("data.stores-only-meeting-id-and-links") { check in
            let connection = try await check.connected("acct-stores")
            let booking = try await check.confirmedBooking("acct-stores")
            let link = try requireLink(booking, check)
            let file = check.integration.store.directory.appendingPathComponent("bookings/\(booking.id).json")
            let stored = try String(contentsOf: file, encoding: .utf8)
            let object = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
            let zoomKeys = (object?["zoomMeeting"] as? [String: Any]).map { Set($0.keys) }
            try check.expectEqual(
                zoomKeys, ["meetingID", "hostLink", "participantLink"],
                "the booking keeps the meeting id and the two links")
            let atZoom = try await check.environment.probe(connection).meeting(
                id: link.meetingID, accessToken: connection.tokens.accessToken)
            for (name, value) in [
                ("password", atZoom.password), ("uuid", atZoom.uuid), ("host email", atZoom.hostEmail),
            ] {
                guard let value, !value.isEmpty else { continue }
                try check.expect(
                    !stored.contains(value), "the meeting's \(name) is not stored", actual: "found in the booking")
            }
        },
    ]
}

/// The booking's link, or a failed expectation.
func requireLink(_ booking: Booking, _ check: CheckContext) throws -> ZoomMeetingLink {
    try check.expect(booking.zoomMeeting != nil, "the confirmed booking has a Zoom meeting", actual: "no meeting")
    return booking.zoomMeeting!
}

/// The account's stored connection, or a failed expectation.
func requireConnection(_ account: String, _ check: CheckContext) async throws -> ZoomConnection {
    let connection = await check.integration.connection(accountID: account)
    try check.expect(connection != nil, "Zoom is still connected for \(account)", actual: "not connected")
    return connection!
}
