/// Decides whether the previous build's output can be updated in place, and which pages then
/// change. Only an article's own page shows its body; every other page reads of it only what
/// `listingMatches` compares (front matter, URL, heading ids for anchors). So when no input
/// besides some articles' bodies changed, re-rendering those articles' pages gives the same
/// bytes as a clean build, which `IncrementalBuildTests` checks edit by edit.
enum IncrementalPlan: Equatable {
    /// Re-render these articles' pages (source paths); nothing else changes.
    case pages([String])
    /// Everything is rebuilt, for this reason.
    case full(String)

    static func decide(
        previous: BuildCache?, inputs: [UInt8], output: FileStamp?, git: String?, loaded: LoadedContent.Tracking
    ) -> IncrementalPlan {
        guard let previous else { return .full("no build cache yet") }
        guard previous.inputs == inputs else {
            return .full("site.yml, templates, assets, verification results or build options changed")
        }
        // The whole stamp: a folder emptied (`rm -rf Public/*`) or put back from a copy changes
        // its times even when the file system hands it the old inode; builds record the stamp
        // after their last change to it.
        guard let output, output == previous.output else {
            return .full("the output folder is not the one the cache describes")
        }
        guard let git, previous.git == git else {
            return .full("the content's git commit, or what git answered, changed")
        }
        guard previous.categories == loaded.categories, previous.indexDigests == loaded.indexDigests else {
            return .full("a category or an _index.md changed")
        }
        // Every loaded path the cache knew, and as many as it knew: the same set.
        guard previous.articles.count == loaded.articles.count, loaded.notInCache == 0 else {
            return .full("articles were added or removed")
        }
        for path in loaded.parsed.sorted() {
            guard let before = previous.articles[path]?.article, let after = loaded.articles[path]?.article,
                listingMatches(before, after)
            else { return .full("\(path): its front matter or headings changed, which other pages show") }
        }
        return .pages(loaded.parsed.sorted())
    }

    /// What other pages read of an article: title, description, order, URL, tags (related
    /// articles), draft state, aliases, date (sitemap) and heading ids (anchor checks).
    ///
    /// Compared as encoded bytes: Swift's `==` on strings treats canonically equivalent text as
    /// equal (`Café` with a precomposed or a combining accent), but pages keep the bytes.
    static func listingMatches(_ before: Article, _ after: Article) -> Bool {
        listing(before) == listing(after)
    }

    private static func listing(_ article: Article) -> [UInt8] {
        var writer = ByteWriter()
        article.frontMatter.write(to: &writer)
        writer.string(article.slug)
        writer.string(article.categoryKey)
        writer.array(article.body.headings) { $0.string($1.id) }
        return writer.bytes
    }
}
