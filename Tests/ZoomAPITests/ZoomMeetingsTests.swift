import Foundation
import MockZoom
import Testing
import ZoomAPI

@Suite("Zoom Meeting API over libcurl against Mock Zoom")
struct ZoomMeetingsTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("create, get and delete a meeting; the token's api_url is the base")
    func lifecycle() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            let client = zoom.meetings(tokens)
            #expect(client.apiBaseURL == zoom.server.baseURL)
            let request = MeetingRequest(topic: "Booking 42", startTime: Self.start, duration: 45)
            let created = try await client.createMeeting(request, accessToken: tokens.accessToken)
            #expect(created.topic == "Booking 42")
            #expect(created.startTime == "2026-11-30T00:53:20Z")
            #expect(created.duration == 45)
            #expect(created.status == "waiting")
            #expect((10_000_000_000...99_999_999_999).contains(created.id))
            #expect(created.startUrl.hasPrefix("\(zoom.server.baseURL)/s/\(created.id)?zak="))
            #expect(created.joinUrl.hasPrefix("\(zoom.server.baseURL)/j/\(created.id)?pwd="))
            #expect(created.password?.count == 6)
            #expect(created.uuid?.hasSuffix("==") == true)
            let other = try await client.createMeeting(request, accessToken: tokens.accessToken)
            #expect(other.id != created.id && other.uuid != created.uuid && other.joinUrl != created.joinUrl)

            let fetched = try await client.meeting(id: created.id, accessToken: tokens.accessToken)
            #expect(fetched == created)
            try await client.deleteMeeting(id: created.id, accessToken: tokens.accessToken)
            let gone = try await #require(throws: ZoomError.self) {
                try await client.meeting(id: created.id, accessToken: tokens.accessToken)
            }
            #expect(gone.status == 404)
            #expect(gone.isNotFound)
            #expect(gone.kind == .api(code: 3001, message: "Meeting does not exist: \(created.id)."))
            let again = try await #require(throws: ZoomError.self) {
                try await client.deleteMeeting(id: created.id, accessToken: tokens.accessToken)
            }
            #expect(again.isNotFound)
            #expect(await zoom.server.meetingIDs() == [other.id])
        }
    }

    @Test("an access token expires after an hour on the mock's clock: 401 code 124 'expired'")
    func expiry() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            zoom.server.clock.advance(by: 3601)
            let error = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(tokens).currentUser(accessToken: tokens.accessToken)
            }
            #expect(error.status == 401)
            #expect(error.kind == .api(code: 124, message: "Access token is expired."))
            #expect(error.isExpiredToken)
            #expect(tokens.isExpiring(at: zoom.server.clock.now()))
        }
    }

    @Test("429 is typed with its Retry-After and X-RateLimit headers")
    func rateLimited() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            await zoom.server.addFault(FaultRule(.rateLimited(retryAfterSeconds: 7), pathPrefix: "/v2/", times: 1))
            let error = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(tokens).createMeeting(
                    MeetingRequest(topic: "t", startTime: Self.start, duration: 30), accessToken: tokens.accessToken)
            }
            #expect(error.isRateLimited)
            guard case .rateLimited(let limit) = error.kind else { throw error }
            #expect(limit.retryAfter == "7")
            #expect(limit.category == "Medium")
            #expect(limit.type == "QPS")
            #expect(limit.remaining == 0)
            #expect(await zoom.server.meetingIDs().isEmpty)
            _ = try await zoom.meetings(tokens).currentUser(accessToken: tokens.accessToken)
        }
    }

    @Test("5xx, dropped connections and timeouts leave the outcome unknown; timeouts say so")
    func unknownOutcomes() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            let baseURL = tokens.apiURL ?? zoom.configuration.apiBaseURL
            // One attempt: the call policy's retries of idempotent calls are tested on their own.
            // Only the delay case needs a short timeout; the others keep the default, so a loaded
            // machine cannot turn a 503 into a timeout.
            let patient = ZoomMeetingsClient(
                apiBaseURL: baseURL, timeouts: TimeoutsConfiguration(),
                policy: ZoomCallPolicy(idempotentAttempts: 1))
            let impatient = ZoomMeetingsClient(
                apiBaseURL: baseURL, timeouts: TimeoutsConfiguration(connect: .seconds(5), total: .milliseconds(1500)),
                policy: ZoomCallPolicy(idempotentAttempts: 1))
            let cases: [(Fault, ZoomMeetingsClient)] = [
                (.serverError(status: 503), patient), (.dropConnection, patient),
                (.delay(milliseconds: 6000), impatient),
            ]
            for (fault, client) in cases {
                await zoom.server.addFault(FaultRule(fault, method: "GET", pathPrefix: "/v2/users/me", times: 1))
                let error = try await #require(throws: ZoomError.self) {
                    try await client.currentUser(accessToken: tokens.accessToken)
                }
                #expect(error.outcomeUnknown, "\(fault): \(error)")
                if case .delay = fault {
                    guard case .transport(let transport) = error.kind else {
                        Issue.record("a delay past the total timeout is a transport error, not \(error)")
                        continue
                    }
                    #expect(transport.isTimeout)
                }
                if case .serverError = fault { #expect(error.status == 503, "\(error)") }
            }
        }
    }

    @Test("created but response lost: the client sees a dropped connection, the meeting exists")
    func createdButLost() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            await zoom.server.addFault(FaultRule(.createdButResponseLost, method: "POST", times: 1))
            let error = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(tokens).createMeeting(
                    MeetingRequest(topic: "lost", startTime: Self.start, duration: 30), accessToken: tokens.accessToken)
            }
            #expect(error.outcomeUnknown)
            #expect(await zoom.server.meetingIDs().count == 1)
            let journal = await zoom.server.journal().filter { $0.path == "/v2/users/me/meetings" }
            #expect(journal.map(\.fault) == ["created-response-lost"])
        }
    }

    @Test("a revoked-token fault answers 401 124 whatever the token")
    func revokedFault() async throws {
        try await Test.withZoom { zoom in
            let tokens = try await zoom.connect()
            await zoom.server.addFault(FaultRule(.revokedToken, times: 1))
            let error = try await #require(throws: ZoomError.self) {
                try await zoom.meetings(tokens).meeting(id: 1, accessToken: tokens.accessToken)
            }
            #expect(error.kind == .api(code: 124, message: "Invalid access token."))
        }
    }
}
