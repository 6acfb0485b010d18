import Foundation

/// Writers may symlink shared articles into `Content/` (or assets into `Templates/`), but a
/// link must end inside that folder: a link out of it would publish whatever it points at
/// (`/etc/passwd`), and a loop or a dangling link would otherwise vanish without a word.
struct SymlinkGuard: Sendable {
    /// The folder with every symlink resolved.
    let resolvedRoot: String
    /// How diagnostics name the folder: `content`, `templates`.
    let folderName: String

    init(root: String, folderName: String) {
        resolvedRoot = Self.resolve(root) ?? root
        self.folderName = folderName
    }

    /// The problem with the entry at `path`, or `nil` when it is not a link or ends inside the content.
    func problem(at path: String) -> Diagnostic? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        let location = SourceLocation(path: path)
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        guard let resolved = Self.resolve(path) else {
            let reason = errno == ELOOP ? "a symbolic link loop" : "a symbolic link to a missing file"
            return .error("\(reason) (-> \(target)): fix or delete the link", at: location)
        }
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
            return .error(
                "symbolic link to \(resolved), outside the \(folderName) folder: copy the file into it instead",
                at: location)
        }
        return nil
    }

    /// `realpath(3)`: the path with every link resolved; `nil` (with `errno`) when that fails.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
