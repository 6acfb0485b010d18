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
            let meeting = try await requireLink(booking, check)
            let creates = await check.operations("acct-create").filter { $0 == "meetings.create" }.count
            try check.expectEqual(creates, 1, "confirming created one Zoom meeting", subject: "meetings created")
            if let posts = await check.meetingCreations(since: start) {
                try check.expectEqual(
                    posts, 1, "Zoom received one create-meeting call", subject: "create-meeting requests at Zoom")
            }
            try await requireConnection("acct-create", check)
            let atZoom = try await check.integration.withZoom(accountID: "acct-create") {
                (client, token) async throws(ZoomError) in
                try await client.meeting(id: meeting.meetingID, accessToken: token)
            }
            let sameLink = atZoom.joinUrl == meeting.participantLink
            try check.expect(
                sameLink, "the meeting exists at Zoom with the stored link",
                observed: "Zoom has meeting \(atZoom.id) "
                    + (sameLink ? "with the stored join link" : "with another join link: \(atZoom.joinUrl)"))
        },
        Check("confirm.only-after-user-action") { check in
            try await check.connected("acct-explicit")
            let future = try await check.integration.createBooking(
                accountID: "acct-explicit", topic: "Unconfirmed", scheduledAt: await check.tomorrow())
            try await check.expectMeeting(
                future, false, "creating a booking does not create a meeting")
            let past = try await check.integration.createBooking(
                accountID: "acct-explicit", topic: "Past", scheduledAt: await check.yesterday())
            let confirmedPast = try await check.integration.confirmBooking(past.id)
            try await check.expectMeeting(
                confirmedPast, false, "a confirmed booking in the past gets no meeting")
            try check.expectEqual(
                await check.operations("acct-explicit").filter { $0 == "meetings.create" }.count, 0,
                "no meeting is created without the user's confirmation", subject: "meetings created")
            if let posts = await check.meetingCreations(since: .distantPast) {
                try check.expectEqual(
                    posts, 0, "Zoom received no create-meeting call", subject: "create-meeting requests at Zoom")
            }
            let confirmed = try await check.integration.confirmBooking(future.id)
            try await check.expectMeeting(confirmed, true, "the user's confirmation then creates it")
        },
        Check("confirm.unique-meeting-per-booking") { check in
            try await check.connected("acct-unique")
            let firstBooking = try await check.confirmedBooking("acct-unique", topic: "First")
            let first = try await requireLink(firstBooking, check)
            let second = try await requireLink(await check.confirmedBooking("acct-unique", topic: "Second"), check)
            try check.expect(
                first.meetingID != second.meetingID, "each booking has its own meeting",
                observed: "meeting ids \(first.meetingID) and \(second.meetingID)", expected: "two different ids")
            for link in [first, second] {
                try check.expect(
                    !link.hostLink.isEmpty, "a host link is provided",
                    observed: "meeting \(link.meetingID) host link: \((!link.hostLink.isEmpty).evidenceText)")
                try check.expect(
                    !link.participantLink.isEmpty, "a participant join link is provided",
                    observed: "meeting \(link.meetingID) join link: \((!link.participantLink.isEmpty).evidenceText)")
                try check.expect(
                    link.hostLink != link.participantLink, "host and participant links differ",
                    observed: link.hostLink != link.participantLink ? "two different links" : "the same link twice")
            }
            let again = try await check.integration.confirmBooking(firstBooking.id)
            try check.expectEqual(
                again.zoomMeeting, first, "confirming again keeps the one meeting",
                subject: "the booking's meeting after confirming again")
            try check.expectEqual(
                await check.operations("acct-unique").filter { $0 == "meetings.create" }.count, 2,
                "two bookings, two meetings", subject: "meetings created")
        },
        Check("data.stores-only-meeting-id-and-links") { check in
            try await check.connected("acct-stores")
            let booking = try await check.confirmedBooking("acct-stores")
            let link = try await requireLink(booking, check)
            let file = check.integration.store.directory.appendingPathComponent("bookings/\(booking.id).json")
            let stored = try String(contentsOf: file, encoding: .utf8)
            let object = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
            let zoomKeys = (object?["zoomMeeting"] as? [String: Any]).map { Set($0.keys) }
            try check.expectEqual(
                zoomKeys, ["meetingID", "hostLink", "participantLink"],
                "the booking keeps the meeting id and the two links", subject: "Zoom fields in the booking file")
            let atZoom = try await check.integration.withZoom(accountID: "acct-stores") {
                (client, token) async throws(ZoomError) in
                try await client.meeting(id: link.meetingID, accessToken: token)
            }
            for (name, value) in [
                ("password", atZoom.password), ("uuid", atZoom.uuid), ("host email", atZoom.hostEmail),
            ] {
                guard let value, !value.isEmpty else { continue }
                let found = stored.contains(value)
                try check.expect(
                    !found, "the meeting's \(name) is not stored",
                    observed: "Zoom's \(name) for the meeting is \(found ? "" : "not ")in the booking file")
            }
        },
    ]
}

/// The booking's link, or a failed expectation.
func requireLink(_ booking: Booking, _ check: CheckContext) async throws -> ZoomMeetingLink {
    try await check.expectMeeting(booking, true, "the confirmed booking has a Zoom meeting")
    return booking.zoomMeeting!
}

/// The account's stored connection, or a failed expectation.
@discardableResult
func requireConnection(_ account: String, _ check: CheckContext) async throws -> ZoomConnection {
    let connection = await check.integration.connection(accountID: account)
    try check.expect(
        connection != nil, "Zoom is still connected for \(account)",
        observed: "connected: \((connection != nil).evidenceText)")
    return connection!
}
