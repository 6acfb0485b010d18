import Crypto
import Foundation

/// The previous build's articles, offered to `ContentLoader`.
struct ArticleReuse: Sendable {
    var entries: [String: CachedArticle]
    /// The previous build's start (ns): a stamp at or after it (less three seconds, for file
    /// systems with coarse clocks such as FAT's two seconds) may hide a second edit in the same
    /// tick, so such files are compared by digest instead (git calls these "racily clean").
    var racyFrom: Int64

    init(_ cache: BuildCache) {
        entries = cache.articles
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
