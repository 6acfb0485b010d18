import Foundation

/// Whether a text holds two bytes side by side, found with `memchr`: `String.contains(_:)` with
/// a string argument compares `Character`s, which cost seconds over a 10,000-article build
/// where such a check runs on every body.
enum ByteSearch {
    static func contains(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            var start = 0
            while start < bytes.count - 1,
                let found = memchr(base + start, Int32(first), bytes.count - 1 - start)
            {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == second { return true }
                start = index + 1
            }
            return false
        }
    }
}
