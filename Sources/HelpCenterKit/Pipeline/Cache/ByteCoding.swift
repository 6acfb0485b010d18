import Foundation

/// A compact binary encoding for the build cache: decoding 10,000 cached articles must cost a
/// few milliseconds, which JSON (and `Codable`'s dynamic machinery) cannot do.
///
/// Integers are LEB128 varints (zig-zag for signed values), strings are a length and UTF-8 bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func double(_ value: Double) {
        unsigned(value.bitPattern)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Room for `count` more bytes at once: a 4 MB cache grown by doubling was copied twice over.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Bytes some earlier writer wrote (see `ByteReader.bytes(since:)`), copied as they are.
    mutating func verbatim(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
    }

    mutating func raw(_ value: some Collection<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout ByteWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `ByteWriter` wrote; any truncation or nonsense throws, so a damaged cache file is
/// noticed (and the build falls back to a full one) instead of trusted.
struct ByteReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Where the next read starts, for `bytes(since:)`.
    var offset: Int { position }

    /// What was read since `offset`, sharing the buffer (no copy).
    func bytes(since offset: Int) -> ArraySlice<UInt8> {
        bytes[offset..<position]
    }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let raw = try unsigned()
        let wide = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let value = Int(exactly: wide) else { throw Damaged() }
        return value
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func double() throws(Damaged) -> Double {
        Double(bitPattern: try unsigned())
    }

    mutating func count() throws(Damaged) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(count)
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { position += length }
        let start = position
        let text = bytes.withUnsafeBufferPointer { buffer in
            String.exactly(UnsafeBufferPointer(rebasing: buffer[start..<(start + length)]))
        }
        guard let text else { throw Damaged() }
        return text
    }

    mutating func raw() throws(Damaged) -> ArraySlice<UInt8> {
        let length = try count()
        defer { position += length }
        return bytes[position..<(position + length)]
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout ByteReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        try elements(try count(), read)
    }

    /// `count` values (a count already read), each with `read`.
    mutating func elements<Element>(_ count: Int, _ read: (inout ByteReader) throws(Damaged) -> Element)
        throws(Damaged) -> [Element]
    {
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}

extension String {
    /// The text whose UTF-8 is exactly `utf8`, or `nil` when it is not valid UTF-8.
    ///
    /// `String(validating:as:)` looks up generic metadata on every call, a quarter of decoding
    /// the build cache; decoding repairs invalid bytes instead (with U+FFFD), so the text is
    /// valid exactly when its bytes are the ones given.
    static func exactly(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        // ASCII, nearly every cached string, cannot need repair: no comparison.
        guard !isASCII(utf8) else { return String(decoding: utf8, as: UTF8.self) }
        var text = String(decoding: utf8, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == utf8.count
                && (utf8.isEmpty || memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
        }
        return same ? text : nil
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            guard raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else {
                return false
            }
            offset += 8
        }
        while offset < bytes.count {
            guard base[offset] < 0x80 else { return false }
            offset += 1
        }
        return true
    }
}
