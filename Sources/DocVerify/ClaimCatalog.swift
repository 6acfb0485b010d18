import HelpCenterKit

/// Every claim marker in the help center's articles, read with the same parser the site uses.
public struct ClaimCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var claim: Claim
        /// The article's URL path, e.g. `integrations/using-zoom/`.
        public var page: String
    }

    public let entries: [Entry]

    /// Reads `Content/` (drafts included: their claims must hold before they publish).
    /// - Throws: `HelpCenterError` for unreadable content or malformed claim markers.
    public static func load(contentPath: String) throws(HelpCenterError) -> ClaimCatalog {
        let (content, _) = try ContentLoader(contentPath: contentPath, includeDrafts: true).load()
        var entries: [Entry] = []
        for category in content.categories {
            entries += category.body.claims.map { Entry(claim: $0, page: category.relativeURL) }
            for article in category.articles {
                entries += article.body.claims.map { Entry(claim: $0, page: article.relativeURL) }
            }
        }
        return ClaimCatalog(entries: entries)
    }

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Ids used by more than one marker across the site.
    public var duplicateIDs: Set<String> {
        var seen: Set<String> = []
        var duplicates: Set<String> = []
        for entry in entries where !seen.insert(entry.claim.id).inserted { duplicates.insert(entry.claim.id) }
        return duplicates
    }
}
