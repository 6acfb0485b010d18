/// Zoom's rate-limit categories: every API endpoint is labelled with one, and the account's
/// plan sets how many requests per second each allows.
public enum RateLimitCategory: String, Sendable, Hashable, CaseIterable {
    case light = "Light"
    case medium = "Medium"
    case heavy = "Heavy"
    case resourceIntensive = "Resource-intensive"

    /// The `X-RateLimit-Category` header's value, in any case.
    public init?(header: String?) {
        guard let header else { return nil }
        self.init(rawValue: Self.allCases.first { $0.rawValue.lowercased() == header.lowercased() }?.rawValue ?? "")
    }

    /// The label of each endpoint this project calls, from Zoom's API reference ("Rate Limit
    /// Label"): reading a user or a meeting is Light, listing and creating meetings Medium.
    public static func of(method: String, path: String) -> RateLimitCategory {
        let segments = path.split(separator: "/")
        let isMeetingsOfUser = segments.count >= 4 && segments[1] == "users" && segments[3] == "meetings"
        return isMeetingsOfUser ? .medium : .light
    }
}

/// The Zoom account's plan, which sets the per-second limits (Zoom's "Rate limits" page).
public enum ZoomPlan: String, Sendable, Hashable, CaseIterable {
    case free, pro, business
    /// No limit at all: the embedded mock, so local runs stay fast.
    case unlimited

    /// Requests per second allowed in `category`; `nil` for no limit. Resource-intensive
    /// APIs count per minute at Zoom; one per six seconds keeps under every plan's figure.
    public func requestsPerSecond(_ category: RateLimitCategory) -> Double? {
        switch (self, category) {
        case (.unlimited, _): nil
        case (.free, .light): 4
        case (.free, .medium): 2
        case (.free, .heavy): 1
        case (.pro, .light): 30
        case (.pro, .medium): 20
        case (.pro, .heavy): 10
        case (.business, .light): 80
        case (.business, .medium): 60
        case (.business, .heavy): 40
        case (_, .resourceIntensive): 1.0 / 6
        }
    }
}
