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
    /// Category folders in listing order, and a digest of each `_index.md` read.
    var categories: [String] = []
    var indexDigests: [String: [UInt8]] = [:]
}

/// One category folder: its page, its article files and their stamps.
struct CategorySurvey: Sendable {
    var key: String
    var folder: String
    /// Its `_index.md` page or a default one; `nil` when `_index.md` could not be loaded.
    var category: Category?
    /// Symbolic link and `_index.md` problems, reported before its articles'.
    var diagnostics: [Diagnostic]
    /// Article file names (`*.md` but `_index.md`), sorted, and which of them may be links.
    var names: [String]
    var maybeLinks: Set<String>
    /// Each article's stamp, `nil` when `stat` failed (the file is then read, which reports why).
    var stamps: [FileStamp?]
}

/// What changed in the content folder since a survey, as a watcher reported it: file names by
/// category folder, and folders where something else changed (a subfolder, the folder itself).
struct ReportedChanges: Sendable {
    var files: [String: Set<String>] = [:]
    var wholeFolders: Set<String> = []
}
