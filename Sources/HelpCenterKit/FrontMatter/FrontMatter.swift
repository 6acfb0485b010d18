import Foundation

/// The metadata block at the top of a page. Keys follow Hugo's names so a Hugo content
/// folder builds as it is.
public struct FrontMatter: Sendable, Hashable {
    /// Required: the page title shown in the heading, the browser tab and navigation.
    public var title: String
    public var description: String?
    /// Ordering within a list; lower comes first, ties are broken by title.
    public var weight: Int
    /// Overrides the URL segment that otherwise comes from the file name.
    public var slug: String?
    /// Drafts are left out of the site unless the build asks for them.
    public var draft: Bool
    /// Old URLs that should redirect to this page.
    public var aliases: [String]
    public var tags: [String]
    /// When the content last changed, if the writer says so.
    public var lastmod: Date?
    /// Keys we don't model, kept for templates as `page.params.<key>`.
    public var params: [String: TemplateValue]

    public init(
        title: String,
        description: String? = nil,
        weight: Int = 0,
        slug: String? = nil,
        draft: Bool = false,
        aliases: [String] = [],
        tags: [String] = [],
        lastmod: Date? = nil,
        params: [String: TemplateValue] = [:]
    ) {
        self.title = title
        self.description = description
        self.weight = weight
        self.slug = slug
        self.draft = draft
        self.aliases = aliases
        self.tags = tags
        self.lastmod = lastmod
        self.params = params
    }
}

extension FrontMatter {
    /// Hugo's `linkTitle`: the shorter title for links to the page (navigation, breadcrumbs,
    /// lists, pager); the title when there is none.
    public var linkTitle: String {
        if case .string(let short)? = params["linkTitle"], !short.trimmingCharacters(in: .whitespaces).isEmpty {
            return short
        }
        return title
    }
}

/// A Markdown file split into its front matter and its body.
public struct SourceDocument: Sendable, Hashable {
    public var frontMatter: FrontMatter
    /// The Markdown after the closing `---` line.
    public var body: String
    /// How many file lines precede the body, so body line N is file line N + offset.
    public var bodyLineOffset: Int
}
