#if canImport(Glibc)
    import Glibc
#endif

/// Literal replacement in UTF-8 bytes with libc's `memchr`/`memcmp`: Foundation's
/// `replacingOccurrences` bridges to `NSString` on every call, and searching every page that way
/// dominated builds (asset names, then `.md` links).
enum ByteReplacement {
    /// The offset of the next occurrence of `pattern` at or after `start`.
    private static func find(
        _ pattern: UnsafeRawBufferPointer, from start: Int, in hay: UnsafeRawBufferPointer, base: UnsafeRawPointer,
        patternBase: UnsafeRawPointer
    ) -> Int? {
        var position = start
        while position + pattern.count <= hay.count {
            guard let hit = memchr(base + position, Int32(pattern[0]), hay.count - position - pattern.count + 1) else {
                return nil
            }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    /// Every occurrence of `needle`, left to right, replaced; `haystack` itself when there is none.
    static func replace(_ needle: [UInt8], with replacement: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var start = 0
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pattern in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return }
                while let offset = Self.find(pattern, from: start, in: hay, base: base, patternBase: patternBase) {
                    if output.isEmpty { output.reserveCapacity(hay.count + 64) }
                    output.append(contentsOf: hay[start..<offset])
                    output.append(contentsOf: replacement)
                    start = offset + pattern.count
                }
            }
        }
        guard start > 0 else { return haystack }
        output.append(contentsOf: haystack[start...])
        return output
    }
}

extension String {
    /// `ByteReplacement` on a string: matches bytes literally, where Foundation's default
    /// would also match canonically equivalent text.
    func replacingBytes(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let replaced = ByteReplacement.replace(Array(target.utf8), with: Array(replacement.utf8), in: Array(utf8))
        return String(decoding: replaced, as: UTF8.self)
    }
}
