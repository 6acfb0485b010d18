import Foundation
import ZoomIntegration

/// "Troubleshooting": each condition on the article's list really stops the link, and the
/// diagnosis names exactly the ones that fail.
enum TroubleshootChecks {
    static let all: [Check] = [
        Check("troubleshoot.zoom-not-connected") { check in
            let booking = try await check.confirmedBooking("acct-never-connected")
            try check.expect(
                booking.zoomMeeting == nil, "without Zoom connected no link is generated", actual: "a link")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.zoomNotConnected],
                "the diagnosis names the connection")
            try await check.connected("acct-was-connected")
            await check.integration.disconnect(accountID: "acct-was-connected")
            let later = try await check.integration.createBooking(
                accountID: "acct-was-connected", topic: "Later", scheduledAt: await check.tomorrow())
            let after = (try? await check.integration.confirmBooking(later.id)) ?? later
            try check.expect(after.zoomMeeting == nil, "after disconnecting no link is generated", actual: "a link")
            try check.expectEqual(
                try await check.integration.diagnose(after.id), [.zoomNotConnected],
                "a disconnected account is diagnosed the same way")
        },
        Check("troubleshoot.booking-not-confirmed") { check in
            try await check.connected("acct-unconfirmed")
            let booking = try await check.integration.createBooking(
                accountID: "acct-unconfirmed", topic: "Pending", scheduledAt: await check.tomorrow())
            try check.expect(booking.zoomMeeting == nil, "an unconfirmed booking has no link", actual: "a link")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.bookingNotConfirmed],
                "the diagnosis names the confirmation")
            let confirmed = try await check.integration.confirmBooking(booking.id)
            try check.expect(confirmed.zoomMeeting != nil, "once confirmed the link is generated", actual: "no link")
            try check.expectEqual(try await check.integration.diagnose(booking.id), [], "and nothing is left to check")
        },
        Check("troubleshoot.scheduled-time-passed") { check in
            try await check.connected("acct-past")
            let booking = try await check.integration.createBooking(
                accountID: "acct-past", topic: "Yesterday", scheduledAt: await check.yesterday())
            let confirmed = try await check.integration.confirmBooking(booking.id)
            try check.expect(
                confirmed.zoomMeeting == nil, "a booking whose time has passed gets no link", actual: "a link")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.scheduledTimePassed], "the diagnosis names the time"
            )
        },
    ]
}
