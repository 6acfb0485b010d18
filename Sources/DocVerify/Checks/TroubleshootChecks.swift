import Foundation
import ZoomIntegration

/// "Troubleshooting": each condition on the article's list really stops the link, and the
/// diagnosis names exactly the ones that fail.
enum TroubleshootChecks {
    static let all: [Check] = [
        Check("troubleshoot.zoom-not-connected") { check in
            let booking = try await check.confirmedBooking("acct-never-connected")
            try await check.expectMeeting(
                booking, false, "without Zoom connected no link is generated")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.zoomNotConnected],
                "the diagnosis names the connection", subject: "diagnosis")
            try await check.connected("acct-was-connected")
            await check.integration.disconnect(accountID: "acct-was-connected")
            let later = try await check.integration.createBooking(
                accountID: "acct-was-connected", topic: "Later", scheduledAt: await check.tomorrow())
            let after = (try? await check.integration.confirmBooking(later.id)) ?? later
            try await check.expectMeeting(
                after, false, "after disconnecting no link is generated")
            try check.expectEqual(
                try await check.integration.diagnose(after.id), [.zoomNotConnected],
                "a disconnected account is diagnosed the same way", subject: "diagnosis")
        },
        Check("troubleshoot.booking-not-confirmed") { check in
            try await check.connected("acct-unconfirmed")
            let booking = try await check.integration.createBooking(
                accountID: "acct-unconfirmed", topic: "Pending", scheduledAt: await check.tomorrow())
            try await check.expectMeeting(
                booking, false, "an unconfirmed booking has no link")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.bookingNotConfirmed],
                "the diagnosis names the confirmation", subject: "diagnosis")
            let confirmed = try await check.integration.confirmBooking(booking.id)
            try await check.expectMeeting(confirmed, true, "once confirmed the link is generated")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [], "and nothing is left to check",
                subject: "diagnosis")
        },
        Check("troubleshoot.scheduled-time-passed") { check in
            try await check.connected("acct-past")
            let booking = try await check.integration.createBooking(
                accountID: "acct-past", topic: "Yesterday", scheduledAt: await check.yesterday())
            let confirmed = try await check.integration.confirmBooking(booking.id)
            try await check.expectMeeting(
                confirmed, false, "a booking whose time has passed gets no link")
            try check.expectEqual(
                try await check.integration.diagnose(booking.id), [.scheduledTimePassed],
                "the diagnosis names the time", subject: "diagnosis")
        },
    ]
}
