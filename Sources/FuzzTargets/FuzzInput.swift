/// Reads fuzzer bytes as a sequence of small decisions followed by free-form data.
///
/// Running out of bytes is not an error: every read then returns zero or empty, so any input,
/// however short, maps to one well-formed call.
struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end.
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// One of `choices`, picked by the next byte.
    mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[Int(byte()) % choices.count]
    }

    /// Bytes up to (not including) the next `separator`, which is consumed; the rest at the end.
    mutating func chunk(until separator: UInt8) -> [UInt8] {
        let start = min(position, bytes.count)
        let end = bytes[start...].firstIndex(of: separator) ?? bytes.count
        position = end + 1
        return Array(bytes[start..<end])
    }

    /// `chunk(until:)` decoded as UTF-8, invalid sequences replaced.
    mutating func text(until separator: UInt8) -> String {
        String(decoding: chunk(until: separator), as: UTF8.self)
    }

    /// Everything not read yet.
    mutating func rest() -> [UInt8] {
        let start = min(position, bytes.count)
        position = bytes.count
        return Array(bytes[start...])
    }
}
