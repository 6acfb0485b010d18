/// One help article, parsed and rendered, ready for a template.
public struct Article: Sendable, Hashable {
    /// The source file, relative to where the build was started.
    public var sourcePath: String
    public var frontMatter: FrontMatter
    /// The URL segment (from `slug` or the file name).
    public var slug: String
    /// The folder name of its category.
    public var categoryKey: String
    public var body: RenderedMarkdown

    public var title: String { frontMatter.title }

    /// The page's path below the site root, e.g. `integrations/using-zoom/`.
    public var relativeURL: String { "\(categoryKey)/\(slug)/" }
}

/// A folder of articles under `Content/`, described by its `_index.md`.
public struct Category: Sendable, Hashable {
    /// The folder name, which is also its URL segment.
    public var key: String
    /// `_index.md`, if the folder has one.
    public var sourcePath: String?
    public var frontMatter: FrontMatter
    /// Intro text from the `_index.md` body.
    public var body: RenderedMarkdown
    /// Sorted by weight, then title.
    public var articles: [Article]

    public var title: String { frontMatter.title }
    public var relativeURL: String { "\(key)/" }
}

/// Everything in `Content/`, parsed and ordered.
public struct SiteContent: Sendable, Hashable {
    /// Home page text from `Content/_index.md`, if any.
    public var home: Category?
    /// Sorted by weight, then title.
    public var categories: [Category]

    public var articles: [Article] { categories.flatMap(\.articles) }
}

extension SiteContent {
    /// The site as published: drafts left out.
    public func withoutDrafts() -> SiteContent {
        var copy = self
        for index in copy.categories.indices { copy.categories[index].articles.removeAll { $0.frontMatter.draft } }
        return copy
    }
}
