import Foundation

/// A folder's entries with their kind as `readdir` reports it, so that listing 10,000 articles
/// costs no `lstat` per file just to learn which ones are symbolic links.
public enum FolderEntries {
    struct Entry {
        var name: String
        /// A symbolic link, or a file system that does not say (then `SymlinkGuard` looks).
        var mayBeLink: Bool
        /// A folder, as `readdir` says (a link to one is not).
        var isFolder = false
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
            entries.append(
                Entry(
                    name: name, mayBeLink: type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN),
                    isFolder: type == UInt8(DT_DIR)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The names of the folders in `path` (symbolic links followed), sorted; none if it cannot
    /// be read. Only entries `readdir` cannot type are `stat`-ed.
    public static func folders(in path: String) -> [String] {
        (list(path) ?? []).compactMap { entry in
            if entry.isFolder { return entry.name }
            guard entry.mayBeLink else { return nil }
            var status = stat()
            return stat(path + "/" + entry.name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR ? entry.name : nil
        }
    }
}
