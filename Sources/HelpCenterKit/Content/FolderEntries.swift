import Foundation

/// A folder's entries with their kind as `readdir` reports it, so that listing 10,000 articles
/// costs no `lstat` per file just to learn which ones are symbolic links.
enum FolderEntries {
    struct Entry {
        var name: String
        /// A symbolic link, or a file system that does not say (then `SymlinkGuard` looks).
        var mayBeLink: Bool
    }

    /// The entries of `path` (without `.` and `..`), sorted by name; `nil` if it cannot be read.
    static func list(_ path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            let type = entry.pointee.d_type
            entries.append(Entry(name: name, mayBeLink: type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
