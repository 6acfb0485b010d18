import Foundation

/// A cache file's framing: the payload, then its `CacheChecksum` in 8 bytes, replaced whole by
/// a rename. A file damaged on disk is refused whole rather than half-trusted, and a reader
/// never sees one half-written.
enum CacheFile {
    /// The payload of the file at `path`, or `nil` when there is none or it is damaged.
    static func read(_ path: String) -> [UInt8]? {
        guard var payload = FileBytes.read(path), payload.count > 8 else { return nil }
        let stored = payload.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        payload.removeLast(8)
        guard checksum(payload) == stored else { return nil }
        return payload
    }

    /// Writes `parts` one after the other as the payload of `path`, through `temporary`
    /// renamed over it. The parts are written as they are: joining them would copy megabytes.
    static func write(_ parts: [[UInt8]], to path: String, through temporary: String) throws {
        let checksum = checksum(parts)
        let trailer = (0..<8).reversed().map { UInt8(truncatingIfNeeded: checksum >> (8 * UInt64($0))) }
        do {
            try OutputWriter.writeFile(temporary, parts: parts + [trailer])
            guard rename(temporary, path) == 0 else { throw POSIXError(errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The checksum of `parts` read one after the other.
    static func checksum(_ parts: [UInt8]...) -> UInt64 {
        checksum(parts)
    }

    private static func checksum(_ parts: [[UInt8]]) -> UInt64 {
        var checksum = CacheChecksum()
        for part in parts { part.withUnsafeBytes { checksum.update($0) } }
        return checksum.finalize()
    }
}
