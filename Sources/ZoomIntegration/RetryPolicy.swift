/// How confirming a booking retries a misbehaving Zoom: a few attempts, waits that double, and a
/// deadline, so a broken Zoom makes the confirmation fail in known time instead of hanging or
/// hammering the API.
public struct RetryPolicy: Sendable, Hashable {
    /// Create (or look-up) attempts per confirmation, the first included.
    public var attempts: Int
    /// The wait after the first failure; each later failure doubles it.
    public var firstDelay: Duration
    /// No single wait is longer, whatever Zoom's `Retry-After` says.
    public var maxDelay: Duration
    /// Attempts plus waits never add up to more than this.
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

    /// The backoff after failure number `failure` (0 for the first): `firstDelay · 2^failure`,
    /// at least `floor` (Zoom's `Retry-After`, or a request's own time budget), at most `maxDelay`.
    public func delay(afterFailure failure: Int, atLeast floor: Duration = .zero) -> Duration {
        let doubled = firstDelay * (1 << min(failure, 20))
        return min(max(doubled, floor), maxDelay)
    }
}
