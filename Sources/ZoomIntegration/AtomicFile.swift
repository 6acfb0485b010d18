import Foundation

/// Writes files so that a crash leaves either the old or the new content, never a mix:
/// the bytes go to a temporary file in the same folder, are flushed, then renamed over.
enum AtomicFile {
    /// - Parameter mode: permissions from creation on (0600: state holds tokens, verifiers and
    ///   the host's start links), so nothing is readable by others, not even for a moment.
    static func write(_ data: Data, to url: URL, mode: mode_t = 0o600) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
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

    /// Creates `folder` and any missing parents as 0700, whatever the umask says.
    static func makeFolder(_ folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue { return }
        try makeFolder(folder.deletingLastPathComponent())
        guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST, chmod(folder.path, 0o700) == 0 else {
            throw IntegrationError.storage("cannot create \(folder.path): \(errnoText())")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
