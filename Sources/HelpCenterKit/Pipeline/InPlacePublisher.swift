import CFileSystem
import Foundation

/// Publishes a staged site inside its output folder, entry by entry, for an output that cannot
/// be swapped whole by rename: a mount point (a volume, a tmpfs, an NFS export) or a folder whose
/// parent is not writable. Each top-level file or folder changes in one rename or one exchange,
/// so a reader sees an old page or a new one, never half of one.
enum InPlacePublisher {
    /// Staging folders inside the output: `.helpcenter-staging-<pid>`.
    static let stagingPrefix = ".helpcenter-staging-"

    /// Why `output` must be published in place, or `nil` when it can be swapped whole.
    static func reason(for output: URL) -> String? {
        var outputStatus = stat()
        var parentStatus = stat()
        let parent = output.deletingLastPathComponent()
        guard stat(output.path, &outputStatus) == 0, stat(parent.path, &parentStatus) == 0 else { return nil }
        if outputStatus.st_dev != parentStatus.st_dev { return "it is a mount point" }
        if access(parent.path, W_OK) != 0 { return "its parent folder is not writable" }
        return nil
    }

    /// Moves every entry of `staging` (inside `output`) into place, removes what the new site no
    /// longer has, then the staging folder.
    static func publish(_ staging: URL, into output: URL) throws {
        let manager = FileManager.default
        let staged = try manager.contentsOfDirectory(atPath: staging.path)
        // Folders first, pages that link into them after, the home page last.
        for name in staged.sorted(by: { order($0, staging) < order($1, staging) }) {
            try move(staging.appendingPathComponent(name), to: output.appendingPathComponent(name))
        }
        let kept = Set(staged)
        for name in try manager.contentsOfDirectory(atPath: output.path)
        where !kept.contains(name) && !name.hasPrefix(stagingPrefix) {
            try manager.removeItem(at: output.appendingPathComponent(name))
        }
        try manager.removeItem(at: staging)
    }

    /// One entry into place: an exchange when both are folders (the old one is then removed
    /// from the staging folder), else a rename over the old file.
    private static func move(_ source: URL, to target: URL) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists, isFolder.boolValue, isDirectory(source) {
            guard cfs_exchange(source.path, target.path) == 0 else { throw POSIXError(errno: errno) }
            try FileManager.default.removeItem(at: source)
            return
        }
        if exists, isFolder.boolValue != isDirectory(source) { try FileManager.default.removeItem(at: target) }
        guard rename(source.path, target.path) == 0 else { throw POSIXError(errno: errno) }
    }

    private static func order(_ name: String, _ staging: URL) -> Int {
        if name == "index.html" { return 2 }
        return isDirectory(staging.appendingPathComponent(name)) ? 0 : 1
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
