import CurlHTTP
import Foundation

extension RateLimit {
    /// A 429's headers and message; `nil` for any other status.
    init?(_ response: HTTPResponse) {
        guard response.status == 429 else { return nil }
        struct Body: Decodable { var message: String? }
        let message = (try? JSONDecoder().decode(Body.self, from: Data(response.body)))?.message ?? ""
        self.init(
            retryAfter: response.header("Retry-After"), category: response.header("X-RateLimit-Category"),
            type: response.header("X-RateLimit-Type"), limit: response.header("X-RateLimit-Limit").flatMap { Int($0) },
            remaining: response.header("X-RateLimit-Remaining").flatMap { Int($0) }, message: message)
    }

    /// The daily limit this 429 reports, or `nil` for a per-second one. Daily: `X-RateLimit-Type:
    /// Daily-limit`, a `Retry-After` that is a date, or Zoom's "maximum daily rate limit" text.
    func daily(at now: Date) -> DailyLimit? {
        let dateForm = retryAfter.flatMap(Self.date(from:))
        let isDaily =
            type?.lowercased() == "daily-limit" || dateForm != nil || message.lowercased().contains("daily")
        guard isDaily else { return nil }
        let resetsAt =
            dateForm
            ?? retryAfter.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map {
                now.addingTimeInterval($0)
            }
        return DailyLimit(resetsAt: resetsAt, category: category, message: message)
    }

    /// `Retry-After` as a date: ISO 8601 (Zoom's daily form) or an HTTP date (RFC 9110).
    static func date(from text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let iso = ISO8601DateFormatter().date(from: text) { return iso }
        let http = DateFormatter()
        http.locale = Locale(identifier: "en_US_POSIX")
        http.timeZone = TimeZone(identifier: "GMT")
        http.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return http.date(from: text)
    }
}
