import CFileSystem
import Foundation
import Synchronization

/// Writes the whole site into a sibling staging folder, then swaps it in, so readers and
/// `serve` never see a half-written site and a failed build leaves the last good one as it was.
/// An output that cannot be swapped by rename (a mount point) is staged inside itself and
/// published entry by entry (`InPlacePublisher`).
///
/// Pages are written as they are rendered (from any thread), not gathered first: a 10,000-page
/// site never sits in memory whole.
final class OutputWriter: Sendable {
    let outputPath: String
    /// Folders the output must never replace or contain (content, templates).
    let protectedPaths: [String]
    /// Tests only: fail like a full disk after writing this many files.
    let failAfterFiles: Int?
    private let output: URL
    private let staging: URL
    /// Why the site is published inside the output instead of swapped whole; `nil` when swapped.
    let inPlaceReason: String?
    private let state = Mutex(State())

    private struct State {
        var folders: Set<String> = []
        var written = 0
    }

    /// Checks the target and creates an empty staging folder next to it.
    /// - Parameters:
    ///   - protectedPaths: the sources; the output may neither hold one nor lie inside one.
    ///   - force: replace a non-empty folder helpcenter did not build.
    init(outputPath: String, protectedPaths: [String], force: Bool = false, failAfterFiles: Int? = nil)
        throws(HelpCenterError)
    {
        self.outputPath = outputPath
        self.protectedPaths = protectedPaths
        self.failAfterFiles = failAfterFiles
        output = URL(fileURLWithPath: outputPath).standardizedFileURL
        inPlaceReason = InPlacePublisher.reason(for: output)
        staging =
            inPlaceReason == nil
            ? OutputSibling.staging.url(next: output)
            : output.appendingPathComponent(InPlacePublisher.stagingPrefix + "\(getpid())")
        try checkTarget(force: force)
        do {
            try? FileManager.default.removeItem(at: staging)
            try Self.makeFolder(staging.path)
            try Self.writeFile(staging.path + "/" + Self.marker, Array(Self.markerText.utf8))
        } catch {
            throw failure(error)
        }
    }

    /// Writes one file of the site (`guides/a/index.html`); safe to call from many threads.
    func write(_ relativePath: String, _ bytes: some Collection<UInt8>) throws(HelpCenterError) {
        let path = staging.path + "/" + relativePath
        let folder = (path as NSString).deletingLastPathComponent
        do throws(any Error) {
            let count = state.withLock { state -> Int in
                state.written += 1
                return state.written
            }
            if let limit = failAfterFiles, count > limit { throw CocoaError(.fileWriteOutOfSpace) }
            if state.withLock({ !$0.folders.contains(folder) }) {
                try Self.makeFolder(folder)
                state.withLock { _ = $0.folders.insert(folder) }
            }
            try Self.writeFile(path, bytes)
        } catch {
            throw failure(error, writing: relativePath)
        }
    }

    /// Lets `finish` add to the staged site (the search index), then swaps it with `outputPath`
    /// in one atomic exchange, so a reader or a kill at any moment sees the old site or the new.
    /// When `finish` throws, the staged site is discarded and the previous one stays.
    func commit(finish: (URL) throws(HelpCenterError) -> Void = { _ in }) throws(HelpCenterError) {
        let manager = FileManager.default
        do {
            try finish(staging)
        } catch {
            discard()
            throw error
        }
        if inPlaceReason != nil {
            do {
                try InPlacePublisher.publish(staging, into: output)
            } catch {
                discard()
                throw failure(error)
            }
            return
        }
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                let error = POSIXError(errno: errno)
                discard()
                throw failure(error)
            }
            return
        }
        guard cfs_exchange(staging.path, output.path) == 0 else {
            let error = POSIXError(errno: errno)
            discard()
            throw failure(error)
        }
        // The staging path now holds the previous site.
        try? manager.removeItem(at: staging)
    }

    /// Removes the staging folder; the previous site stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func failure(_ error: any Error, writing file: String? = nil) -> HelpCenterError {
        let what = file.map { " (writing \($0))" } ?? ""
        return HelpCenterError(
            .error(
                "cannot write the site\(what): \(error.localizedDescription)", at: SourceLocation(path: outputPath)))
    }

    /// Staging folders of builds that were killed (`.Public.staging-4242`, a search index
    /// `.Public.pagefind-4242`, a cache `.Public.build-cache.tmp-4242`, or an in-place staging
    /// folder `Public/.helpcenter-staging-4242`, whose process is gone): nothing else would ever
    /// remove them.
    static func removeAbandoned(next output: URL) {
        let siblings = OutputSibling.allCases.filter(\.isPerProcess).map { $0.prefix(for: output) }
        removeEntries(in: output.deletingLastPathComponent(), ownedByGoneProcessesWithPrefixes: siblings)
        removeEntries(in: output, ownedByGoneProcessesWithPrefixes: [InPlacePublisher.stagingPrefix])
    }

    /// Removes `<prefix><pid>` entries of `folder` whose process no longer exists.
    private static func removeEntries(in folder: URL, ownedByGoneProcessesWithPrefixes prefixes: [String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = Int32(name.dropFirst(prefix.count)),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
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
    static func writeFile(_ path: String, _ data: some Collection<UInt8>) throws {
        try creating(path) { descriptor in
            let wrote: Bool? = try data.withContiguousStorageIfAvailable { bytes in
                try writeAll(descriptor, bytes)
                return true
            }
            if wrote == nil { try Array(data).withUnsafeBufferPointer { try writeAll(descriptor, $0) } }
        }
    }

    /// `parts` one after the other into one new file at `path`.
    static func writeFile(_ path: String, parts: [[UInt8]]) throws {
        try creating(path) { descriptor in
            for part in parts { try part.withUnsafeBufferPointer { try writeAll(descriptor, $0) } }
        }
    }

    /// The file at `path`, created or emptied, handed to `write` and closed.
    private static func creating(_ path: String, _ write: (Int32) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(errno: errno) }
        defer { close(descriptor) }
        try write(descriptor)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno: errno)
            }
            offset += written
        }
    }

    /// Refuses an output folder that would swallow the sources (`--output .`, `--output Content`).
    /// The file every built site carries: a folder with it (or with a build cache beside it)
    /// was written by helpcenter, and replacing it loses nothing.
    static let marker = ".helpcenter-site"
    static let markerText = "This folder is written by 'helpcenter build' and replaced whole by each build.\n"

    private func checkTarget(force: Bool) throws(HelpCenterError) {
        let output = Self.absolute(outputPath)
        func refuse(_ message: String) -> HelpCenterError {
            HelpCenterError(.error(message, at: SourceLocation(path: outputPath)))
        }
        for protected in protectedPaths.map(Self.absolute) {
            if protected == output || protected.hasPrefix(output + "/") {
                throw refuse(
                    "refusing to write the site here: the build replaces this folder, and it holds \(protected); "
                        + "pass --output with a folder of its own, like Public")
            }
            if output.hasPrefix(protected + "/") {
                throw refuse(
                    "refusing to write the site inside \(protected): the next build would read it back as a "
                        + "source; pass --output with a folder outside it, like Public")
            }
        }
        if output == "/" || output == Self.absolute(NSHomeDirectory()) {
            throw refuse("refusing to replace \(output): pass --output with a folder of its own")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw refuse(
                "refusing to replace \(output): it is a file, and the site is a folder; pass --output with a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let builtHere =
            entries.contains(Self.marker)
            || FileManager.default.fileExists(atPath: OutputSibling.cache.url(next: URL(fileURLWithPath: output)).path)
        guard force || entries.isEmpty || builtHere else {
            throw refuse(
                "refusing to replace \(output): it is not empty and was not built by helpcenter (it has no "
                    + "\(Self.marker)), and a build replaces its output whole; choose another --output, empty it, "
                    + "or pass --force to replace it")
        }
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
