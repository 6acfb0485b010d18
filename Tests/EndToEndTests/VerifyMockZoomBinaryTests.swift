import CurlHTTP
import Foundation
import TestSupport
import Testing
import ZoomAPI

/// `verify mock-zoom` as a person or a script runs it: starts, says where it listens, serves
/// the whole OAuth + API walk, and stops cleanly on SIGTERM.
@Suite("verify mock-zoom binary")
struct VerifyMockZoomBinaryTests {
    static let binary = HelpCenterBinaryTests.binary.deletingLastPathComponent().appendingPathComponent("verify")

    @Test("listens on the printed address; authorize → token → create meeting → revoke → 401; SIGTERM exits 0")
    func walk() async throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "mock-zoom", "--port", "0", "--client-id", "cid", "--client-secret", "csecret", "--redirect-uri",
            "http://127.0.0.1:9/cb",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = try #require(Self.readLine(output.fileHandleForReading))
        #expect(line.hasPrefix("listening on http://127.0.0.1:"))
        let base = String(line.dropFirst("listening on ".count))

        let configuration = ZoomConfiguration(
            clientID: "cid", clientSecret: Secret("csecret"), redirectURI: "http://127.0.0.1:9/cb", oauthBaseURL: base)
        let oauth = ZoomOAuthClient(configuration: configuration)
        let request = oauth.authorizationRequest()
        let redirect = try await CurlHTTPClient().send(HTTPRequest(.get, request.url))
        let callback = try #require(AuthorizationCallback(redirectURL: redirect.header("Location") ?? ""))
        #expect(callback.state == request.state)
        let tokens = try await oauth.exchange(code: callback.code, codeVerifier: request.codeVerifier)
        let meetings = ZoomMeetingsClient(configuration: configuration, tokens: tokens)
        let meeting = try await meetings.createMeeting(
            MeetingRequest(topic: "Booking", startTime: Date().addingTimeInterval(86_400), duration: 30),
            accessToken: tokens.accessToken)
        #expect(meeting.joinUrl.hasPrefix(base + "/j/"))
        try await oauth.revoke(tokens.accessToken)
        let error = try await #require(throws: ZoomError.self) {
            try await meetings.meeting(id: meeting.id, accessToken: tokens.accessToken)
        }
        #expect(error.status == 401 && error.isInvalidToken)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("bad options exit 64 with the reason; --help shows the defaults and the controls")
    func usage() throws {
        for (arguments, message) in [
            (["mock-zoom", "--port", "70000"], "--port must be 0...65535"),
            (["mock-zoom", "--fault", "boom"], "unknown --fault 'boom'"),
            (["mock-zoom", "--consent", "maybe"], "--consent must be 'automatic' or 'page'"),
        ] {
            let result = try Self.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        let help = try Self.run(["mock-zoom", "--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "--port <port>", "(default: 8089)", "(default: mock-client-id)", "(default: 127.0.0.1)",
            "GET /_mock/journal",
            "A request header X-Mock-Fault", "listening on http://127.0.0.1:PORT",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test("every command's --help reads as prose: no stray backslash from a source line's continuation")
    func helpHasNoStrayBackslash() throws {
        for command in [[], ["run"], ["lint"], ["accept"], ["mock-zoom"]] {
            let help = try Self.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(!help.stdout.contains("\\"), "verify \(command.joined()) --help shows a backslash:\n\(help.stdout)")
        }
    }

    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }

    static func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(binary, arguments)
    }
}
