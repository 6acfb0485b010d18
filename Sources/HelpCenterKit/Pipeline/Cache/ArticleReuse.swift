import Crypto
import Foundation

/// The previous build's articles, offered to `ContentLoader`.
struct ArticleReuse: Sendable {
    var entries: [String: CachedArticle]
    /// The entries in the order the cache holds them, which is the order the content loads in.
    var ordered: [CachedArticle]
    /// The previous build's start (ns): a stamp at or after it (less three seconds, for file
    /// systems with coarse clocks such as FAT's two seconds) may hide a second edit in the same
    /// tick, so such files are compared by digest instead (git calls these "racily clean").
    var racyFrom: Int64

    init(_ cache: BuildCache) {
        entries = cache.articles
        ordered = cache.orderedArticles
        racyFrom = cache.startedAt - 3_000_000_000
    }

    /// Whether the file can be taken as unchanged without reading it.
    func trusts(_ stamp: FileStamp, cached: FileStamp) -> Bool {
        stamp == cached && cached.modified < racyFrom && cached.changed < racyFrom
    }

    static func digest(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }
}

/// What `ContentLoader.loadTracked` found.
struct LoadedContent: Sendable {
    var content: SiteContent
    var warnings: [Diagnostic]
    var tracking: Tracking

    /// What the build cache records, and what the incremental plan compares.
    struct Tracking: Sendable {
        /// Every article file loaded, drafts included, by source path.
        var articles: [String: CachedArticle] = [:]
        /// The paths of `articles` in the order they loaded: the next cache keeps them so.
        var order: [String] = []
        /// The articles parsed this time (not taken from the cache).
        var parsed: Set<String> = []
        /// Articles taken from the cache with a new stamp, their digest being the same. Any entry
        /// that differs from the cache's is here or in `parsed`: a new cache copies every other
        /// record as it was (`BuildCache.Patch`).
        var restamped: Set<String> = []
        /// Articles whose path the cache did not know: added since (or no cache was offered).
        var notInCache = 0
        /// Category folders in listing order.
        var categories: [String] = []
        var indexDigests: [String: [UInt8]] = [:]
        var commitDates: [String: Date] = [:]
    }
}

/// Finds each loaded file's cache entry. The cache holds its articles in the order they load,
/// so the next entry is almost always the one: a path compared instead of 10,000 hashed and
/// looked up (a tenth of a one-article rebuild). Any other file is looked up by path.
struct ReuseMatcher {
    private let reuse: ArticleReuse
    private var next = 0

    init(_ reuse: ArticleReuse) {
        self.reuse = reuse
    }

    /// The cache's entry for the file at `path`, called in load order.
    mutating func entry(for path: String) -> CachedArticle? {
        if next < reuse.ordered.count, reuse.ordered[next].article.sourcePath == path {
            next += 1
            return reuse.ordered[next - 1]
        }
        return reuse.entries[path]
    }

    /// `entry(for: path())` where `path()` joins `folder` and `name`, without joining them
    /// unless the next entry is not the one (the bytes are compared; any doubt goes to `entry(for:)`).
    mutating func entry(in folder: String, named name: String, path: () -> String) -> CachedArticle? {
        if next < reuse.ordered.count, Self.isJoined(reuse.ordered[next].article.sourcePath, folder, name) {
            next += 1
            return reuse.ordered[next - 1]
        }
        return entry(for: path())
    }

    /// Whether `path` is `folder`, a `/` unless `folder` ends in one, and `name`, byte for byte.
    static func isJoined(_ path: String, _ folder: String, _ name: String) -> Bool {
        var (path, folder, name) = (path, folder, name)
        return path.withUTF8 { path in
            folder.withUTF8 { folder in
                name.withUTF8 { name in
                    let slash = folder.last == UInt8(ascii: "/") ? 0 : 1
                    guard path.count == folder.count + slash + name.count, let start = path.baseAddress else {
                        return false
                    }
                    return (folder.isEmpty || memcmp(start, folder.baseAddress!, folder.count) == 0)
                        && (slash == 0 || path[folder.count] == UInt8(ascii: "/"))
                        && (name.isEmpty || memcmp(start + folder.count + slash, name.baseAddress!, name.count) == 0)
                }
            }
        }
    }
}
