/// One help article, parsed and rendered, ready for a template.
///
/// A value with copy-on-write storage: a build passes 10,000 articles through many lists and
/// dictionaries, and copying one costs one reference count instead of one per string and array
/// inside it (a fifth of an incremental build's time before).
public struct Article: Sendable, Hashable {
    /// The source file, relative to where the build was started.
    public var sourcePath: String {
        _read { yield storage.sourcePath }
        _modify {
            makeUnique()
            yield &storage.sourcePath
        }
    }
    public var frontMatter: FrontMatter {
        _read { yield storage.frontMatter }
        _modify {
            makeUnique()
            yield &storage.frontMatter
        }
    }
    /// The URL segment (from `slug` or the file name).
    public var slug: String {
        _read { yield storage.slug }
        _modify {
            makeUnique()
            yield &storage.slug
        }
    }
    /// The folder name of its category.
    public var categoryKey: String {
        _read { yield storage.categoryKey }
        _modify {
            makeUnique()
            yield &storage.categoryKey
        }
    }
    public var body: RenderedMarkdown {
        _read { yield storage.body }
        _modify {
            makeUnique()
            yield &storage.body
        }
    }

    private var storage: Storage

    public init(
        sourcePath: String, frontMatter: FrontMatter, slug: String, categoryKey: String, body: RenderedMarkdown
    ) {
        storage = Storage(
            sourcePath: sourcePath, frontMatter: frontMatter, slug: slug, categoryKey: categoryKey, body: body)
    }

    /// Copies the storage first if another value shares it. (`_read`/`_modify` hand out the
    /// fields in place, so reading `article.body.headings` copies nothing either.)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public static func == (lhs: Article, rhs: Article) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.sourcePath, lhs.slug, lhs.categoryKey) == (rhs.sourcePath, rhs.slug, rhs.categoryKey)
                && lhs.frontMatter == rhs.frontMatter && lhs.body == rhs.body
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sourcePath)
        hasher.combine(frontMatter)
        hasher.combine(slug)
        hasher.combine(categoryKey)
        hasher.combine(body)
    }

    /// `@unchecked Sendable`: only ever mutated after `makeUnique()`, i.e. when this value
    /// is its only owner, so no two threads see a change.
    private final class Storage: @unchecked Sendable {
        var sourcePath: String
        var frontMatter: FrontMatter
        var slug: String
        var categoryKey: String
        var body: RenderedMarkdown
        /// Read once: `relativeURL` is asked for many times per page.
        let customURL: String?
        /// Read once, as lists and pagers ask for it on every page.
        let isListed: Bool

        init(sourcePath: String, frontMatter: FrontMatter, slug: String, categoryKey: String, body: RenderedMarkdown) {
            self.sourcePath = sourcePath
            self.frontMatter = frontMatter
            customURL = frontMatter.customURL
            isListed = frontMatter.isListed
            self.slug = slug
            self.categoryKey = categoryKey
            self.body = body
        }

        func copy() -> Storage {
            Storage(sourcePath: sourcePath, frontMatter: frontMatter, slug: slug, categoryKey: categoryKey, body: body)
        }
    }

    public var title: String { frontMatter.title }
    /// What links to the page say (`linkTitle`, else the title).
    public var linkTitle: String { frontMatter.linkTitle }

    /// The page's path below the site root, e.g. `integrations/using-zoom/`: its section's
    /// and its slug, unless front matter gives a `url`.
    public var relativeURL: String { storage.customURL ?? "\(categoryKey)/\(slug)/" }
    /// Hugo's `url` from the front matter (`FrontMatter.customURL`), kept from when it was made.
    public var customURL: String? { storage.customURL }
    /// Whether lists show it (not `build: {list: never}`); it is written either way.
    public var isListed: Bool { storage.isListed }
}

/// A section: a folder under `Content/` with its articles and an optional `_index.md`. Sections
/// nest to any depth (`billing/refunds/`); those at the top are the site's categories.
public struct Category: Sendable, Hashable {
    /// Its URL path below the site root without the trailing `/` (`billing/refunds`): the
    /// folder's path, each segment lower-cased and hyphenated.
    public var key: String
    /// `_index.md`, if the folder has one.
    public var sourcePath: String?
    public var frontMatter: FrontMatter
    /// Intro text from the `_index.md` body.
    public var body: RenderedMarkdown
    /// Sorted by weight, then title.
    public var articles: [Article]
    /// The folder as its articles' source paths spell it (`Content/Billing/Refunds`).
    public var folder: String = ""
    /// The section it is listed in; `nil` for a category (a section at the top).
    public var parentKey: String? = nil

    public var title: String { frontMatter.title }
    /// What links to the page say (`linkTitle`, else the title).
    public var linkTitle: String { frontMatter.linkTitle }
    public var relativeURL: String { "\(key)/" }
    public var isCategory: Bool { parentKey == nil }
    /// Whether its parent, the home page and navigation list it (not `build: {list: never}`).
    public var isListed: Bool { frontMatter.isListed }
}

/// Everything in `Content/`, parsed and ordered.
public struct SiteContent: Sendable, Hashable {
    /// Home page text from `Content/_index.md`, if any.
    public var home: Category?
    /// Every section, depth first: each category followed by its sections, siblings sorted by
    /// weight, then title.
    public var categories: [Category]
    /// Files under `Content/` that are not Markdown, relative to it (`billing/img/x.png`): an
    /// article links them by a relative path, and the build publishes them fingerprinted.
    public var resources: Set<String> = []

    public var articles: [Article] { categories.flatMap(\.articles) }

    /// `articles.count` without building the list.
    public var articleCount: Int { categories.reduce(0) { $0 + $1.articles.count } }

    /// The categories: the sections at the top, listed on the home page and in navigation.
    public var topCategories: [Category] { categories.filter { $0.isCategory && $0.isListed } }
}

extension SiteContent {
    /// The articles at `paths` with their sections, in site order. Each is looked for in the
    /// section its folder is (`<folder>/<file>`, or `<folder>/<bundle>/index.md`): a rebuild's
    /// one changed article, without testing 10,000 paths against the set.
    func articles(at paths: Set<String>) -> [(category: Category, article: Article)] {
        let positions = folderPositions
        var found: [(position: Int, offset: Int, category: Category, article: Article)] = []
        for path in paths {
            let folder = LexicalPath.parent(of: path)
            let candidates = [positions[folder], positions[LexicalPath.parent(of: folder)]]
            for case let position? in candidates {
                let category = categories[position]
                guard let offset = category.articles.firstIndex(where: { $0.sourcePath == path }) else { continue }
                found.append((position, offset, category, category.articles[offset]))
                break
            }
        }
        return found.sorted { ($0.position, $0.offset) < ($1.position, $1.offset) }.map { ($0.category, $0.article) }
    }

    /// Each section's index in `categories`, by key.
    var categoryPositions: [String: Int] {
        Dictionary(categories.enumerated().map { ($1.key, $0) }) { first, _ in first }
    }

    /// Each section's index in `categories`, by folder as source paths spell it.
    var folderPositions: [String: Int] {
        Dictionary(categories.enumerated().map { ($1.folder, $0) }) { first, _ in first }
    }

    /// The sections listed in `key`'s section, in site order.
    func sections(in key: String) -> [Category] {
        categories.filter { $0.parentKey == key }
    }

    /// The site as published: drafts left out.
    public func withoutDrafts() -> SiteContent {
        guard categories.contains(where: { $0.articles.contains { $0.frontMatter.draft } }) else { return self }
        var copy = self
        for index in copy.categories.indices { copy.categories[index].articles.removeAll { $0.frontMatter.draft } }
        return copy
    }
}
