import Foundation

extension SiteBuilder {
    /// The articles' commit dates, and the key the cache files them under. They depend only on
    /// the commit and the content folder, so the cache's are reused at the same key; otherwise
    /// `git` is asked. When `git` fails the key says so: the next build asks again, and a later
    /// success (a new key) rebuilds every page with the dates.
    static func commitDates(contentPath: String, previous: BuildCache?) -> (dates: [String: Date], key: String?) {
        let folder = SymlinkGuard.resolve(contentPath)
        let head = folder.map(GitHead.state(forResolved:)) ?? .unknown
        switch head {
        case .noRepository:
            return ([:], head.key)
        case .unknown:
            return (GitDates.lastCommitDates(under: contentPath), nil)
        case .commit:
            let key = (head.key ?? "") + " in " + (folder ?? contentPath)
            if let previous, previous.git == key { return (previous.gitDates, key) }
            guard let dates = GitDates.read(under: contentPath) else { return ([:], key + " (git failed)") }
            return (dates, key)
        }
    }
}
