import Foundation
import ZoomAPI

extension ZoomIntegrationService {
    /// A booking made by a user; no meeting yet.
    public func createBooking(
        accountID: String, topic: String, scheduledAt: Date, durationMinutes: Int = 30
    ) async throws(IntegrationError) -> Booking {
        let booking = Booking(
            id: UUID().uuidString.lowercased(), accountID: accountID, topic: topic, scheduledAt: scheduledAt,
            durationMinutes: durationMinutes, isConfirmed: false, zoomMeeting: nil, meetingUnavailable: nil,
            creationStarted: false)
        try save(booking)
        if defects.contains(.meetingBeforeConfirmation), isConnected(accountID: accountID), scheduledAt > now() {
            return try await attachMeeting(to: booking)
        }
        return booking
    }

    /// The user confirms: a meeting is created when Zoom is connected and the time is ahead.
    /// Confirming again never creates a second meeting.
    public func confirmBooking(_ id: String) async throws(IntegrationError) -> Booking {
        guard var booking = store.booking(id) else { throw .unknownBooking(id) }
        booking.isConfirmed = true
        try save(booking)
        guard booking.zoomMeeting == nil, isConnected(accountID: booking.accountID) || hasLeakedSession(booking),
            booking.scheduledAt > now()
        else { return booking }
        return try await attachMeeting(to: booking)
    }

    public func booking(_ id: String) -> Booking? { store.booking(id) }

    /// Which of the article's three conditions keep this booking from having a link.
    public func diagnose(_ id: String) throws(IntegrationError) -> [TroubleshootingCondition] {
        guard let booking = store.booking(id) else { throw .unknownBooking(id) }
        var failing: [TroubleshootingCondition] = []
        if !isConnected(accountID: booking.accountID) { failing.append(.zoomNotConnected) }
        if !booking.isConfirmed { failing.append(.bookingNotConfirmed) }
        if booking.scheduledAt <= now() { failing.append(.scheduledTimePassed) }
        if booking.zoomMeeting == nil, let unavailable = booking.meetingUnavailable,
            (unavailable.retryAt ?? .distantFuture) > now()
        {
            failing.append(.zoomDailyLimitReached)
        }
        return failing
    }

    private func hasLeakedSession(_ booking: Booking) -> Bool {
        defects.contains(.callsAfterDisconnect) && retainedAfterDisconnect[booking.accountID] != nil
    }

    private func save(_ booking: Booking) throws(IntegrationError) {
        do { try store.save(booking) } catch { throw .storage("\(error)") }
    }

    /// Creates the booking's one meeting, surviving 429, 5xx, timeouts and lost answers: after
    /// any answer that may hide a created meeting, it looks the meeting up by the booking's key
    /// before trying again. Waits follow `retry` (doubling, capped), and the whole confirmation
    /// gives up once its attempts or its deadline are spent.
    private func attachMeeting(to booking: Booking) async throws(IntegrationError) -> Booking {
        await settlePendingRevocations()
        guard let session = session(for: booking.accountID) else { return booking }
        var booking = booking
        var lookFirst = booking.creationStarted
        booking.creationStarted = true
        try save(booking)
        var hadUnknownOutcome = lookFirst
        let started = ContinuousClock.now
        var waited = Duration.zero
        for attempt in 0..<max(retry.attempts, 1) {
            let failure: ZoomError
            var creating = !lookFirst
            do {
                var meeting = lookFirst ? try await findMeeting(for: booking, with: session) : nil
                creating = true
                if meeting == nil { meeting = try await createMeeting(for: booking, with: session) }
                guard let meeting else { continue }
                booking.zoomMeeting = ZoomMeetingLink(
                    meetingID: meeting.id, hostLink: meeting.startUrl, participantLink: meeting.joinUrl)
                if defects.contains(.storesExtraMeetingData) {
                    booking.topic += " | \(meeting.password ?? "") \(meeting.uuid ?? "") \(meeting.hostEmail ?? "")"
                }
                booking.creationStarted = false
                booking.meetingUnavailable = nil
                try save(booking)
                if hadUnknownOutcome { await removeStrayMeetings(for: booking, keeping: meeting.id, with: session) }
                return booking
            } catch let error as ZoomError {
                failure = error
            } catch let error as IntegrationError {
                throw error
            } catch {
                throw .storage("\(error)")
            }
            if let daily = failure.dailyLimit {
                // Not retried: Zoom refuses every create until the limit resets. A create that
                // may have landed earlier is still looked for on the next confirmation.
                booking.creationStarted = hadUnknownOutcome
                booking.meetingUnavailable = MeetingUnavailable(retryAt: daily.resetsAt)
                try save(booking)
                return booking
            }
            let wait: Duration
            if case .rateLimited(let limit) = failure.kind {
                let retryAfter = Duration.seconds(Int(limit.retryAfter ?? "") ?? 1)
                wait = retry.delay(afterFailure: attempt, atLeast: retryAfter)
                // Only a refused create is known not to exist; a refused lookup must be redone.
                if creating { lookFirst = hadUnknownOutcome }
            } else if failure.outcomeUnknown {
                // A create that timed out may still finish at Zoom: wait out a request's whole
                // time budget before looking for it, so the lookup sees it.
                wait = retry.delay(afterFailure: attempt, atLeast: configuration.timeouts.total)
                lookFirst = true
                hadUnknownOutcome = true
            } else {
                throw .zoom(failure)
            }
            // The next attempt makes up to three requests (list, get, create) when it looks first.
            let nextAttempt = configuration.timeouts.total * (lookFirst ? 3 : 1)
            let spent = max(ContinuousClock.now - started, waited)
            guard attempt + 1 < retry.attempts, spent + wait + nextAttempt <= retry.deadline else {
                throw .gaveUp(attempts: attempt + 1, last: failure)
            }
            waited += wait
            await pause(wait)
        }
        throw .gaveUp(attempts: retry.attempts, last: ZoomError(status: nil, kind: .invalidResponse("no attempt made")))
    }

    private func createMeeting(for booking: Booking, with session: ZoomSession) async throws(ZoomError) -> Meeting {
        record(booking.accountID, "meetings.create")
        let request = MeetingRequest(
            topic: booking.topic, startTime: booking.scheduledAt, duration: booking.durationMinutes, timezone: "UTC",
            agenda: booking.zoomKey)
        return try await session.withMeetingsClient { (client, token) async throws(ZoomError) -> Meeting in
            try await client.createMeeting(request, accessToken: token)
        }
    }

    /// After an unknown outcome a late create can still land: any other meeting carrying the
    /// booking's key is deleted, so the booking keeps exactly one.
    private func removeStrayMeetings(for booking: Booking, keeping id: Int64, with session: ZoomSession) async {
        record(booking.accountID, "meetings.list")
        let key = booking.zoomKey
        let strays = try? await session.withMeetingsClient { (client, token) async throws(ZoomError) -> [Int64] in
            try await client.listMeetings(accessToken: token).filter {
                $0.agenda?.hasPrefix(key) == true && $0.id != id
            }
            .map(\.id)
        }
        for stray in strays ?? [] {
            record(booking.accountID, "meetings.delete")
            try? await session.withMeetingsClient { (client, token) async throws(ZoomError) -> Void in
                try await client.deleteMeeting(id: stray, accessToken: token)
            }
        }
    }

    /// The meeting whose agenda carries the booking's key, if Zoom has one.
    private func findMeeting(for booking: Booking, with session: ZoomSession) async throws(ZoomError) -> Meeting? {
        record(booking.accountID, "meetings.list")
        let key = booking.zoomKey
        let found = try await session.withMeetingsClient { (client, token) async throws(ZoomError) -> Int64? in
            try await client.listMeetings(accessToken: token).first { $0.agenda?.hasPrefix(key) == true }?.id
        }
        guard let found else { return nil }
        record(booking.accountID, "meetings.get")
        return try await session.withMeetingsClient { (client, token) async throws(ZoomError) -> Meeting in
            try await client.meeting(id: found, accessToken: token)
        }
    }
}
