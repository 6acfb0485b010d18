/// What `ContentLoader.survey` finds in `Content/` without the build cache: the folders, the
/// `_index.md` pages and a stamp of every article file. A build surveys while the cache is
/// read on the other core, then takes each unchanged article from it (`ContentLoader.load(_:)`).
struct ContentSurvey: Sendable {
    /// One entry of `Content/`, in listing order, so diagnostics keep the files' order.
    enum Step: Sendable {
        case problem(Diagnostic)
        /// `Content/_index.md` (`nil` when it could not be loaded).
        case home(Category?)
        case category(CategorySurvey)

        var isProblem: Bool {
            if case .problem = self { true } else { false }
        }
    }

    var steps: [Step] = []
    /// Section keys in listing order, and a digest of each `_index.md` read (and of the
    /// resources' names and stamps, under `resourcesKey`).
    var categories: [String] = []
    var indexDigests: [String: [UInt8]] = [:]
    /// Files that are not Markdown, relative to the content folder, in listing order.
    var resources: [String] = []

    /// Where `indexDigests` keeps the resources' digest: any change to one rebuilds every page.
    static let resourcesKey = "<resources>"

    /// Records the resources' names and stamps in `indexDigests`, so that a build after one
    /// of them is added, removed or changed is a full one.
    mutating func stampResources(in contentPath: String) {
        guard !resources.isEmpty else { return }
        var writer = ByteWriter()
        for resource in resources {
            writer.string(resource)
            let stamp = FileStamp(
                path: contentPath.hasSuffix("/") ? contentPath + resource : contentPath + "/" + resource)
            writer.string(stamp.map { "\($0.inode) \($0.size) \($0.modified) \($0.changed)" } ?? "-")
        }
        indexDigests[Self.resourcesKey] = ArticleReuse.digest(String(decoding: writer.bytes, as: UTF8.self))
    }
}

/// One section folder: its page, its article files and their stamps.
struct CategorySurvey: Sendable {
    var key: String
    var folder: String
    /// The section it is in (`nil` at the top).
    var parentKey: String?
    /// Its `_index.md` page or a default one; `nil` when `_index.md` could not be loaded.
    var category: Category?
    /// What its articles and sections take from the `_index.md` files above them and its own.
    var cascade: [String: TemplateValue]
    /// Symbolic link and `_index.md` problems, reported before its articles'.
    var diagnostics: [Diagnostic]
    /// Article file names (`*.md` but `_index.md`, and `<bundle>/index.md`), sorted, and which
    /// of them may be links.
    var names: [String]
    var maybeLinks: Set<String>
    /// Each article's stamp, `nil` when `stat` failed (the file is then read, which reports why).
    var stamps: [FileStamp?]
}

/// What changed in the content folder since a survey, as a watcher reported it: file names by
/// folder (relative to the content folder). A change elsewhere is no survey to reuse at all
/// (`BuildMemory`).
struct ReportedChanges: Sendable {
    var files: [String: Set<String>] = [:]
}
