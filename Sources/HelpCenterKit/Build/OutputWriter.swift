import Foundation
import Synchronization

extension POSIXError {
    /// The error for `errno`, with the system's message in `localizedDescription`.
    init(errno code: Int32) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}

/// Writes the whole site into a sibling staging folder, then swaps it in, so readers and
/// `serve` never see a half-written site and a failed build leaves the last good one as it was.
struct OutputWriter {
    let outputPath: String
    /// Folders the output must never replace or contain (content, templates).
    let protectedPaths: [String]
    /// Tests only: fail like a full disk after writing this many files.
    var failAfterFiles: Int?

    /// Writes `files` (relative path -> bytes), lets `finish` add to the staged site (the search
    /// index), and replaces `outputPath` with the result.
    func write(_ files: [String: Data], finish: (URL) -> Void = { _ in }) throws(HelpCenterError) {
        try checkTarget()
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(pid)")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let ordered = files.sorted(by: { $0.key < $1.key })
            let folders = Set(ordered.map { staging.appendingPathComponent($0.key).deletingLastPathComponent().path })
            for folder in folders.sorted() { try Self.makeFolder(folder) }
            let failure = Mutex<(any Error)?>(nil)
            DispatchQueue.concurrentPerform(iterations: ordered.count) { index in
                do {
                    if let limit = failAfterFiles, index >= limit { throw CocoaError(.fileWriteOutOfSpace) }
                    try Self.writeFile(staging.path + "/" + ordered[index].key, ordered[index].value)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            finish(staging)
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            throw HelpCenterError(
                .error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(path: outputPath)))
        }
    }

    /// `mkdir -p` in plain system calls: Foundation's version stats every component, which cost
    /// more than the writes on a 10,000-page site.
    static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) != 0 else { return }
        switch errno {
        case EEXIST:
            return
        case ENOENT:
            try makeFolder((path as NSString).deletingLastPathComponent)
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw POSIXError(errno: errno) }
        default:
            throw POSIXError(errno: errno)
        }
    }

    /// One `open`, `write`s, `close`; the staging folder is swapped in whole, so no per-file temp.
    static func writeFile(_ path: String, _ data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(errno: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(errno: errno)
                }
                offset += written
            }
        }
    }

    /// Refuses an output folder that would swallow the sources (`--output .`, `--output Content`).
    private func checkTarget() throws(HelpCenterError) {
        let output = Self.absolute(outputPath)
        for protected in protectedPaths.map(Self.absolute)
        where protected == output || protected.hasPrefix(output + "/") {
            throw HelpCenterError(
                .error(
                    "refusing to write the site here: the build replaces this folder, and it holds \(protected); "
                        + "pass --output with a folder of its own, like Public",
                    at: SourceLocation(path: outputPath)))
        }
        if output == "/" || output == Self.absolute(NSHomeDirectory()) {
            throw HelpCenterError(
                .error(
                    "refusing to replace \(output): pass --output with a folder of its own", at: .init(path: outputPath)
                ))
        }
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
