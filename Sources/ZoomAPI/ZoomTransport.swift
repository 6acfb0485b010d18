import CurlHTTP
import Foundation
import Logging

/// Sends requests to Zoom under the call policy and turns its answers into values or `ZoomError`s.
struct ZoomTransport: Sendable {
    let timeouts: TimeoutsConfiguration
    let policy: ZoomCallPolicy
    let client = CurlHTTPClient()

    /// - Parameters:
    ///   - category: the endpoint's rate-limit label; `nil` for OAuth endpoints.
    ///   - idempotent: safe to send again after a 5xx or a lost answer.
    func send(
        _ method: HTTPRequest.Method, _ url: String, headers: [(name: String, value: String)], body: [UInt8]? = nil,
        category: RateLimitCategory?, idempotent: Bool
    ) async throws(ZoomError) -> HTTPResponse {
        try await policy.perform(method, category: category, idempotent: idempotent) { () throws(ZoomError) in
            try await sendOnce(method, url, headers: headers, body: body)
        }
    }

    private func sendOnce(
        _ method: HTTPRequest.Method, _ url: String, headers: [(name: String, value: String)], body: [UInt8]?
    ) async throws(ZoomError) -> HTTPResponse {
        let request = HTTPRequest(
            method, url, headers: headers, body: body,
            timeouts: Timeouts(connect: timeouts.connect, total: timeouts.total))
        let shownURL = Redaction.url(url)
        let logger = Self.logger
        logger.debug("→ \(method.rawValue) \(shownURL)")
        if let body, logger.logLevel <= .trace { logger.trace("  request body: \(Redaction.body(body))") }
        let started = ContinuousClock.now
        do {
            let response = try await client.send(request)
            let milliseconds = Int((ContinuousClock.now - started) / .milliseconds(1))
            logger.debug("← \(response.status) \(method.rawValue) \(shownURL) in \(milliseconds) ms")
            if logger.logLevel <= .trace { logger.trace("  response body: \(Redaction.body(response.body))") }
            return response
        } catch {
            logger.debug("✘ \(method.rawValue) \(shownURL): \(error)")
            throw ZoomError(status: nil, kind: .transport(error))
        }
    }

    /// Requests at debug, redacted bodies at trace; silent unless the program turns logging up.
    static let logger = Logger(label: "zoom.http")

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func decode<Value: Decodable>(_ response: HTTPResponse) throws(ZoomError) -> Value {
        do {
            return try decoder.decode(Value.self, from: Data(response.body))
        } catch {
            throw ZoomError(status: response.status, kind: .invalidResponse("\(Value.self): \(error)"))
        }
    }

    /// `{"reason": ..., "error": ...}` from `/oauth/*`, with any secret we sent scrubbed out
    /// (Zoom echoes a bad authorization code in `reason`).
    static func oauthError(_ response: HTTPResponse, secrets: [String]) -> ZoomError {
        struct Body: Decodable {
            var reason: String?
            var error: String?
        }
        let body = try? decoder.decode(Body.self, from: Data(response.body))
        let reason = scrub(body?.reason ?? response.bodyText.prefix(200).description, secrets: secrets)
        return ZoomError(status: response.status, kind: .oauth(error: body?.error ?? "unknown", reason: reason))
    }

    /// `{"code": ..., "message": ...}` from `/v2/*`; 429 becomes `.rateLimited`.
    static func apiError(_ response: HTTPResponse, secrets: [String]) -> ZoomError {
        struct Body: Decodable {
            var code: Int?
            var message: String?
        }
        let body = try? decoder.decode(Body.self, from: Data(response.body))
        let message = scrub(body?.message ?? response.bodyText.prefix(200).description, secrets: secrets)
        if var limit = RateLimit(response) {
            limit.message = message
            if let daily = limit.daily(at: Date()) { return ZoomError(status: 429, kind: .dailyLimit(daily)) }
            return ZoomError(status: 429, kind: .rateLimited(limit))
        }
        return ZoomError(status: response.status, kind: .api(code: body?.code ?? response.status, message: message))
    }

    static func scrub(_ text: String, secrets: [String]) -> String {
        secrets.filter { !$0.isEmpty }.reduce(text) { $0.replacingOccurrences(of: $1, with: "‹redacted›") }
    }
}
