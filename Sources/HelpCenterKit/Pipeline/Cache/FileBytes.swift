import Foundation

/// Reads a whole file into bytes with `read` alone: `FileManager.contents` gives `Data`, and
/// turning a 4 MB build cache into an array copied it once more.
enum FileBytes {
    /// The file's bytes, or `nil` when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return try? read(descriptor, size: Int(status.st_size))
    }

    /// The rest of the open file `descriptor`, whose size `stat` gave as `size`.
    static func read(_ descriptor: Int32, size: Int) throws(POSIXError) -> [UInt8] {
        // The size `stat` gave, read without zeroing it first (plus one byte, to see the end).
        var failed: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else {
                    failed = read < 0 ? errno : nil
                    return
                }
                count += read
            }
        }
        if let failed { throw POSIXError(errno: failed) }
        guard bytes.count > size else { return bytes }
        // It grew since `stat`: the rest in pieces, to the end.
        var grown = bytes
        var piece = [UInt8](repeating: 0, count: 65_536)
        while true {
            let read = piece.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { throw POSIXError(errno: errno) }
            if read == 0 { return grown }
            grown += piece[..<read]
        }
    }
}
