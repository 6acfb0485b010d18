import Foundation
import ZoomAPI

/// `/v2/users/me`, `/v2/users/me/meetings`, `/v2/meetings/{id}`, with Zoom's token checks,
/// status codes and `{code, message}` errors.
extension MockZoomEngine {
    func api(_ request: MockRequest, fault: Fault?) async -> MockResponse {
        switch fault {
        case .expiredToken: return .apiError(401, code: 124, "Access token is expired.")
        case .revokedToken: return .apiError(401, code: 124, "Invalid access token.")
        default: break
        }
        let category = RateLimitCategory.of(method: request.method, path: request.path)
        let (admitted, limit) = await limits.admit(category)
        guard admitted else { return Self.perSecondLimit(category, limit: limit ?? 0) }
        let grant: Grant
        switch await store.check(accessToken: request.bearerToken, at: clock.now()) {
        case .invalid: return .apiError(401, code: 124, "Invalid access token.")
        case .expired: return .apiError(401, code: 124, "Access token is expired.")
        case .valid(_, let valid): grant = valid
        }
        if let callLimit = configuration.accessTokenCallLimit, let token = request.bearerToken,
            await limits.apiCall(token) > callLimit
        {
            return .apiError(401, code: 124, "Access token is expired.")
        }
        var response = await route(api: request, grant: grant)
        response.headers.append(("X-RateLimit-Category", category.rawValue))
        return response
    }

    private func route(api request: MockRequest, grant: Grant) async -> MockResponse {
        let segments = request.path.split(separator: "/").map(String.init)
        switch (request.method, segments.dropFirst().first, segments.count) {
        case ("GET", "users", 3): return user(segments[2])
        case ("GET", "users", 4) where segments[3] == "meetings":
            guard isCurrentUser(segments[2]) else { return userNotFound(segments[2]) }
            return await listMeetings(grantUser: grant.userID)
        case ("POST", "users", 4) where segments[3] == "meetings":
            guard isCurrentUser(segments[2]) else { return userNotFound(segments[2]) }
            return await createMeeting(request, grantID: grant.id)
        case ("GET", "meetings", 3): return await meeting(segments[2])
        case ("DELETE", "meetings", 3): return await deleteMeeting(segments[2])
        default: return .apiError(404, code: 404, "Not found: \(request.method) \(request.path)")
        }
    }

    private func isCurrentUser(_ id: String) -> Bool {
        id == "me" || id == configuration.user.id || id == configuration.user.email
    }

    private func userNotFound(_ id: String) -> MockResponse {
        .apiError(404, code: 1001, "User does not exist: \(id).")
    }

    private func user(_ id: String) -> MockResponse {
        guard isCurrentUser(id) else { return userNotFound(id) }
        let user = configuration.user
        return .json(
            200,
            [
                "id": user.id, "account_id": user.accountID, "email": user.email, "first_name": user.firstName,
                "last_name": user.lastName, "display_name": "\(user.firstName) \(user.lastName)", "type": 1,
                "pmi": user.pmi, "timezone": user.timezone, "verified": 1, "status": "active", "language": "en-US",
                "role_name": "Owner", "cluster": "us05", "account_number": 10_000_001,
                "created_at": "2024-01-15T09:00:00Z", "user_created_at": "2024-01-15T09:00:00Z",
            ])
    }

    private func createMeeting(_ request: MockRequest, grantID: Int) async -> MockResponse {
        guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            return .apiError(400, code: 300, "Request Body should be a valid JSON object.")
        }
        let draft: MeetingDraft
        switch MeetingDraft.validate(body, defaultTimezone: configuration.user.timezone) {
        case .failure(let invalidFields):
            return .json(
                400,
                [
                    "code": 300, "message": "Validation Failed.",
                    "errors": invalidFields.map { ["field": $0, "message": "Invalid field."] },
                ])
        case .success(let valid): draft = valid
        }
        let now = clock.now()
        let (allowed, remaining) = await limits.countCreate(
            user: configuration.user.id, day: String(ZoomTime.format(now).prefix(10)),
            limit: configuration.dailyCreateLimit)
        guard allowed else { return dailyCreateLimit(now: now) }
        let id =
            configuration.misbehaviours.contains(.duplicateMeetingIDs) ? 11_111_111_111 : await store.nextMeetingID()
        let base = base.value
        let password = MockRandom.password(length: 6)
        // The host's ZAK and the join password ride in the links: credentials as much as tokens.
        let zak = MockRandom.token(byteCount: 48)
        let joinPassword = MockRandom.token(byteCount: 24)
        await store.sawCredential(zak)
        await store.sawCredential(joinPassword)
        let record = MeetingRecord(
            id: id, uuid: MockRandom.base64(byteCount: 16), grantID: grantID, topic: draft.topic, type: draft.type,
            startTime: draft.startTime, duration: draft.duration, timezone: draft.timezone, agenda: draft.agenda,
            createdAt: ZoomTime.format(clock.now()),
            startURL: "\(base)/s/\(id)?zak=\(zak)",
            joinURL: configuration.misbehaviours.contains(.meetingWithoutJoinURL)
                ? "" : "\(base)/j/\(id)?pwd=\(joinPassword).1",
            password: password)
        await store.store(record)
        return .json(
            201, MeetingJSON.object(record, user: configuration.user),
            headers: [
                ("X-RateLimit-Type", "Daily-limit"), ("X-RateLimit-Limit", String(configuration.dailyCreateLimit)),
                ("X-RateLimit-Remaining", String(remaining)),
            ])
    }

    /// Zoom's per-user daily meeting-create limit: 429 with `Retry-After` at the next 00:00 UTC.
    private func dailyCreateLimit(now: Date) -> MockResponse {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let midnight =
            calendar.nextDate(after: now, matching: DateComponents(hour: 0), matchingPolicy: .nextTime) ?? now
        return .apiError(
            429, code: 429,
            "You have reached the maximum daily rate limit for this API. Refer to the response header for details "
                + "on when you can make another request.",
            headers: [
                ("X-RateLimit-Category", RateLimitCategory.medium.rawValue), ("X-RateLimit-Type", "Daily-limit"),
                ("X-RateLimit-Limit", String(configuration.dailyCreateLimit)), ("X-RateLimit-Remaining", "0"),
                ("Retry-After", ZoomTime.format(midnight)),
            ])
    }

    /// Zoom's per-second 429: no `Retry-After`, the category and `QPS` in the headers.
    static func perSecondLimit(_ category: RateLimitCategory, limit: Int) -> MockResponse {
        .apiError(
            429, code: 429, "You have reached the maximum per-second rate limit for this API. Try again later.",
            headers: [
                ("X-RateLimit-Category", category.rawValue), ("X-RateLimit-Type", "QPS"),
                ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", "0"),
            ])
    }

    /// `GET /v2/users/me/meetings`: one page of the user's meetings, summaries only (no `start_url`).
    private func listMeetings(grantUser: String) async -> MockResponse {
        let meetings = await store.allMeetings().map { MeetingJSON.summary($0, user: configuration.user) }
        return .json(
            200,
            [
                "page_size": 300, "page_number": 1, "page_count": 1, "total_records": meetings.count,
                "next_page_token": "", "meetings": meetings,
            ])
    }

    private func meeting(_ id: String) async -> MockResponse {
        guard let number = Int64(id), let record = await store.meeting(number) else {
            return .apiError(404, code: 3001, "Meeting does not exist: \(id).")
        }
        return .json(200, MeetingJSON.object(record, user: configuration.user))
    }

    private func deleteMeeting(_ id: String) async -> MockResponse {
        guard let number = Int64(id), await store.meeting(number) != nil else {
            return .apiError(404, code: 3001, "Meeting does not exist: \(id).")
        }
        await store.deleteMeeting(number)
        return MockResponse(status: 204)
    }
}
