import Foundation

/// Writes files so that a crash leaves either the old or the new content, never a mix:
/// the bytes go to a temporary file in the same folder, are flushed, then renamed over.
enum AtomicFile {
    /// - Parameter mode: permissions from creation on (0600 for token files), so the secret is
    ///   never readable by others, not even for a moment.
    static func write(_ data: Data, to url: URL, mode: mode_t = 0o644) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw IntegrationError.storage("cannot create \(temporary.path): \(errnoText())") }
        let written = data.withUnsafeBytes { bytes in
            bytes.baseAddress.map { Foundation.write(descriptor, $0, bytes.count) } ?? 0
        }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary.path, url.path) == 0 else {
            let reason = errnoText()
            unlink(temporary.path)
            throw IntegrationError.storage("cannot write \(url.path): \(reason)")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
