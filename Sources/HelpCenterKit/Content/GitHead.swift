import Foundation

/// Which commit the content's repository is at, read from `.git` without starting `git`:
/// commit dates depend only on it, so a build at the same commit reuses the dates it read last
/// time instead of paying two `git` processes.
enum GitHead {
    enum State: Hashable {
        /// No `.git` above the folder: there are no commit dates to read.
        case noRepository
        /// `gitdir` and the commit `HEAD` resolves to.
        case commit(String)
        /// A layout this reader does not follow (e.g. an unborn branch): ask `git` every time.
        case unknown
    }

    /// The repository state for files under `folder` (symbolic links already resolved).
    static func state(forResolved folder: String) -> State {
        var directory = folder
        while true {
            let dotGit = directory + "/.git"
            var status = stat()
            if stat(dotGit, &status) == 0 {
                guard
                    let gitDirectory = gitDirectory(
                        dotGit, isFolder: status.st_mode & S_IFMT == S_IFDIR, in: directory),
                    let commit = head(of: gitDirectory)
                else { return .unknown }
                return .commit(gitDirectory + " " + commit)
            }
            if directory == "/" || directory.isEmpty { return .noRepository }
            directory = (directory as NSString).deletingLastPathComponent
        }
    }

    /// `.git` is a folder, or (worktrees, submodules) a file saying `gitdir: path`.
    private static func gitDirectory(_ dotGit: String, isFolder: Bool, in directory: String) -> String? {
        if isFolder { return dotGit }
        guard let text = read(dotGit), text.hasPrefix("gitdir: ") else { return nil }
        let path = String(text.dropFirst("gitdir: ".count))
        return path.hasPrefix("/") ? path : directory + "/" + path
    }

    /// The commit id `HEAD` names, following one symbolic ref through loose or packed refs.
    private static func head(of gitDirectory: String) -> String? {
        guard let head = read(gitDirectory + "/HEAD") else { return nil }
        guard head.hasPrefix("ref: ") else { return isCommitID(head) ? head : nil }
        let reference = String(head.dropFirst("ref: ".count))
        let common = read(gitDirectory + "/commondir").map { path in
            path.hasPrefix("/") ? path : gitDirectory + "/" + path
        }
        for folder in [gitDirectory, common].compactMap({ $0 }) {
            if let commit = read(folder + "/" + reference), isCommitID(commit) { return commit }
            if let packed = read(folder + "/packed-refs") {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + reference) {
                    let commit = String(line.prefix { $0 != " " })
                    if isCommitID(commit) { return commit }
                }
            }
        }
        return nil
    }

    private static func isCommitID(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension GitHead.State {
    /// How the build cache records the state; `nil` when it cannot be compared across builds.
    var key: String? {
        switch self {
        case .noRepository: "none"
        case .commit(let commit): "commit " + commit
        case .unknown: nil
        }
    }
}
