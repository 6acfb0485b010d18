/// "62ms", "1s 543ms": how long a build took, for its summary line.
///
/// Written out by hand: Foundation's unit formatting loads ICU's unit data, 2 ms of a
/// one-article rebuild that itself takes a few tens. Milliseconds are rounded as it rounds
/// them (to nearest, ties to even).
enum ElapsedTime {
    static func text(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let exact = Double(attoseconds) / Double(perMillisecond)
        var milliseconds = Int64(exact.rounded(.toNearestOrEven))
        var wholeSeconds = seconds
        if milliseconds == 1_000 {
            wholeSeconds += 1
            milliseconds = 0
        }
        switch (wholeSeconds, milliseconds) {
        case (0, _): return "\(milliseconds)ms"
        case (_, 0): return "\(wholeSeconds)s"
        default: return "\(wholeSeconds)s \(milliseconds)ms"
        }
    }
}
