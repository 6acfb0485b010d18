import Foundation
import ZoomAPI

/// What the mock counts to behave like Zoom's limits: requests per category in the last
/// second (real time, as Zoom's are), meetings created per user per UTC day (mock clock),
/// revoke calls per token and API calls per access token.
actor MockLimits {
    private let plan: ZoomPlan
    private var recent: [RateLimitCategory: [ContinuousClock.Instant]] = [:]
    private var createsPerDay: [String: Int] = [:]
    private var revokeCalls: [String: Int] = [:]
    private var tokenCalls: [String: Int] = [:]
    /// Per category: the most requests admitted within one window, and how many were refused.
    private var busiest: [RateLimitCategory: Int] = [:]
    private var refused: [RateLimitCategory: Int] = [:]

    init(plan: ZoomPlan) {
        self.plan = plan
    }

    /// Whether one more request in `category` fits the plan now; an admitted one counts.
    func admit(_ category: RateLimitCategory) -> (admitted: Bool, limit: Int?) {
        guard let perSecond = plan.requestsPerSecond(category) else { return (true, nil) }
        // A limit under one a second is Zoom's per-minute figure: count over a minute.
        let window: Duration = perSecond >= 1 ? .seconds(1) : .seconds(60)
        let limit = Int((perSecond >= 1 ? perSecond : perSecond * 60).rounded())
        let now = ContinuousClock.now
        var times = recent[category, default: []].filter { now - $0 < window }
        defer { recent[category] = times }
        guard times.count < limit else {
            refused[category, default: 0] += 1
            return (false, limit)
        }
        times.append(now)
        busiest[category] = max(busiest[category, default: 0], times.count)
        return (true, limit)
    }

    /// What `GET /_mock/rate-limits` shows: the plan, and per category its limit, the busiest
    /// window seen and the requests refused, so a test can prove a client stayed under them.
    func report() -> RateLimitReport {
        var categories: [String: RateLimitReport.Use] = [:]
        for category in RateLimitCategory.allCases {
            categories[category.rawValue] = RateLimitReport.Use(
                perSecond: plan.requestsPerSecond(category), busiestWindow: busiest[category, default: 0],
                refused: refused[category, default: 0])
        }
        return RateLimitReport(plan: plan.rawValue, categories: categories)
    }

    /// Counts a create for `user` on `day` when under `limit`; the creates left either way.
    func countCreate(user: String, day: String, limit: Int) -> (allowed: Bool, remaining: Int) {
        let key = "\(user) \(day)"
        let used = createsPerDay[key, default: 0]
        guard used < limit else { return (false, 0) }
        createsPerDay[key] = used + 1
        return (true, limit - used - 1)
    }

    /// The how-manyth revoke call this is for `token`.
    func revokeCall(_ token: String) -> Int {
        revokeCalls[token, default: 0] += 1
        return revokeCalls[token, default: 0]
    }

    /// The how-manyth API call this is with `token`.
    func apiCall(_ token: String) -> Int {
        tokenCalls[token, default: 0] += 1
        return tokenCalls[token, default: 0]
    }
}

/// The mock's rate-limit counters, as `GET /_mock/rate-limits` answers.
public struct RateLimitReport: Sendable, Codable {
    public struct Use: Sendable, Codable {
        /// The plan's limit; absent for no limit.
        public var perSecond: Double?
        /// The most requests admitted within one second (a minute for per-minute limits).
        public var busiestWindow: Int
        public var refused: Int
    }

    public var plan: String
    public var categories: [String: Use]
}
