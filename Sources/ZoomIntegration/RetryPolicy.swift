/// How confirming a booking retries a misbehaving Zoom: a few attempts, waits that double, and a
/// deadline, so a broken Zoom makes the confirmation fail in known time instead of hanging or
/// hammering the API.
public struct RetryPolicy: Sendable, Hashable {
    /// Create (or look-up) attempts per confirmation, the first included.
    public var attempts: Int
    /// The wait after the first failure; each later failure doubles it.
    public var firstDelay: Duration
    /// The doubling stops growing here (a wait can still be longer when Zoom's `Retry-After` or
    /// a request's own time budget asks for more).
    public var maxDelay: Duration
    /// No attempt starts unless its wait and its requests' time budgets fit before this.
    public var deadline: Duration

    public init(
        attempts: Int = 6, firstDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        deadline: Duration = .seconds(90)
    ) {
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
    }

    /// The backoff after failure number `failure` (0 for the first): `firstDelay · 2^failure`
    /// capped at `maxDelay`, but never less than `floor` (Zoom's `Retry-After`, or the time a
    /// lost create may still take to land at Zoom).
    public func delay(afterFailure failure: Int, atLeast floor: Duration = .zero) -> Duration {
        max(min(firstDelay * (1 << min(failure, 20)), maxDelay), floor)
    }
}
