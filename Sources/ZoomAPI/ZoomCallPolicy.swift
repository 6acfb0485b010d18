import CurlHTTP
import Foundation
import Synchronization

/// How every call to Zoom is made, by the integration and by verify's probes alike: paced to
/// stay under the plan's per-second limits, a per-second 429 backed off and retried, a daily
/// 429 turned at once into `.dailyLimit` (and every later call of that kind refused here until
/// the limit resets), idempotent calls retried over 5xx and lost answers. Shared by every
/// client built from one `ZoomConfiguration`, so all of them count against the same limits.
public final class ZoomCallPolicy: Sendable, Hashable {
    public let plan: ZoomPlan
    /// Attempts for a call answered with Zoom's per-second 429, the first included.
    let perSecondAttempts: Int
    /// Attempts for an idempotent call (GET, DELETE, revoke) over 5xx, timeouts and drops.
    let idempotentAttempts: Int
    let pause: @Sendable (Duration) async -> Void
    private let state = Mutex(State())

    private struct State {
        /// Per category, the calls that still count against the window: in flight (no end) or
        /// answered within the last window.
        var recent: [RateLimitCategory: [UUID: ContinuousClock.Instant?]] = [:]
        /// Per-second limits Zoom's `X-RateLimit-*` headers reported, when lower than the plan's.
        var learned: [RateLimitCategory: Double] = [:]
        /// Kinds of call (`POST Medium`) Zoom refused for the day, with when that ends.
        var daily: [String: DailyLimit] = [:]
        var meetingsCreated = 0
        var createBudget: Int?
    }

    public init(
        plan: ZoomPlan = .unlimited, perSecondAttempts: Int = 5, idempotentAttempts: Int = 3,
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.plan = plan
        self.perSecondAttempts = max(perSecondAttempts, 1)
        self.idempotentAttempts = max(idempotentAttempts, 1)
        self.pause = pause
    }

    /// Meetings Zoom created through this policy (201 answers to a create).
    public var meetingsCreated: Int { state.withLock { $0.meetingsCreated } }

    /// The user's meeting creations left today, when Zoom's last create answer said.
    public var meetingCreateBudget: Int? { state.withLock { $0.createBudget } }

    /// Sends one request under the policy. `category` is `nil` for OAuth endpoints, which have
    /// no per-second labels.
    func perform(
        _ method: HTTPRequest.Method, category: RateLimitCategory?, idempotent: Bool,
        _ send: () async throws(ZoomError) -> HTTPResponse
    ) async throws(ZoomError) -> HTTPResponse {
        let kind = "\(method.rawValue) \(category?.rawValue ?? "OAuth")"
        var perSecondFailures = 0
        var otherFailures = 0
        while true {
            if let limit = activeDailyLimit(kind) { throw ZoomError(status: 429, kind: .dailyLimit(limit)) }
            var ticket: UUID?
            if let category { ticket = await pace(category) }
            let response: HTTPResponse
            do {
                defer { if let category, let ticket { answered(category, ticket) } }
                response = try await send()
            } catch  where idempotent && error.outcomeUnknown && otherFailures + 1 < idempotentAttempts {
                otherFailures += 1
                await pause(.milliseconds(250 << otherFailures))
                continue
            }
            learn(from: response, kind: kind, method: method, category: category)
            if response.status == 429, let limit = RateLimit(response) {
                if let daily = limit.daily(at: Date()) {
                    state.withLock { $0.daily[kind] = daily }
                    throw ZoomError(status: 429, kind: .dailyLimit(daily))
                }
                // Zoom's per-second 429 has no Retry-After; one that names a wait is the
                // caller's to honour within its own deadline.
                if limit.retryAfter == nil && perSecondFailures + 1 < perSecondAttempts {
                    perSecondFailures += 1
                    await pause(.seconds(min(1 << (perSecondFailures - 1), 8)))
                    continue
                }
            }
            if idempotent && response.status >= 500 && otherFailures + 1 < idempotentAttempts {
                otherFailures += 1
                await pause(.milliseconds(250 << otherFailures))
                continue
            }
            return response
        }
    }

    /// Waits until one more call fits the window, counting each earlier call from its start
    /// until a window after its answer: Zoom received it somewhere in between, so however late
    /// a request travels, Zoom never sees more than the allowed number within one window.
    private func pace(_ category: RateLimitCategory) async -> UUID? {
        guard let perSecond = limit(category) else { return nil }
        let window: Duration = perSecond >= 1 ? .seconds(1) : .seconds(60)
        let allowed = max(Int((perSecond >= 1 ? perSecond : perSecond * 60).rounded(.down)), 1)
        let ticket = UUID()
        while true {
            let wait = state.withLock { state -> Duration? in
                let now = ContinuousClock.now
                var recent = state.recent[category, default: [:]].filter { _, end in
                    end.map { now - $0 < window } ?? true
                }
                defer { state.recent[category] = recent }
                guard recent.count >= allowed else {
                    recent[ticket] = .some(nil)
                    return nil
                }
                // The first answered call to leave the window frees a place; calls still in
                // flight free theirs only once answered, so look again shortly.
                let frees = recent.values.compactMap { $0 }.map { $0 + window - now }.min() ?? .milliseconds(20)
                return max(min(frees, .milliseconds(20)), .milliseconds(1))
            }
            guard let wait else { return ticket }
            try? await Task.sleep(for: wait)
        }
    }

    private func answered(_ category: RateLimitCategory, _ ticket: UUID) {
        state.withLock { $0.recent[category]?[ticket] = .some(ContinuousClock.now) }
    }

    private func limit(_ category: RateLimitCategory) -> Double? {
        let planned = plan.requestsPerSecond(category)
        guard let learned = state.withLock({ $0.learned[category] }) else { return planned }
        return min(planned ?? learned, learned)
    }

    private func activeDailyLimit(_ kind: String) -> DailyLimit? {
        state.withLock { state in
            guard let limit = state.daily[kind] else { return nil }
            guard (limit.resetsAt ?? .distantFuture) > Date() else {
                state.daily[kind] = nil
                return nil
            }
            return limit
        }
    }

    /// What an answer's `X-RateLimit-*` headers teach: a per-second limit lower than the
    /// plan's (a 429 of type QPS), and the creations left today.
    private func learn(
        from response: HTTPResponse, kind: String, method: HTTPRequest.Method, category: RateLimitCategory?
    ) {
        let type = response.header("X-RateLimit-Type")?.lowercased()
        let limit = response.header("X-RateLimit-Limit").flatMap(Double.init)
        let remaining = response.header("X-RateLimit-Remaining").flatMap(Int.init)
        let headerCategory = RateLimitCategory(header: response.header("X-RateLimit-Category")) ?? category
        state.withLock { state in
            if response.status == 429, type == "qps", let limit, limit > 0, let headerCategory {
                state.learned[headerCategory] = min(state.learned[headerCategory] ?? limit, limit)
            }
            if method == .post, category == .medium, response.status == 201 {
                state.meetingsCreated += 1
                if type == "daily-limit", let remaining { state.createBudget = remaining }
            }
        }
    }

    public static func == (lhs: ZoomCallPolicy, rhs: ZoomCallPolicy) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
