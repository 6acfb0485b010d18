/// "62ms", "1s 543ms": how long a build took, for its summary line.
///
/// Written out by hand: Foundation's unit formatting loads ICU's unit data, 2 ms of a
/// one-article rebuild that itself takes a few tens.
enum ElapsedTime {
    static func text(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        switch (seconds, milliseconds) {
        case (0, _): return "\(milliseconds)ms"
        case (_, 0): return "\(seconds)s"
        default: return "\(seconds)s \(milliseconds)ms"
        }
    }
}
