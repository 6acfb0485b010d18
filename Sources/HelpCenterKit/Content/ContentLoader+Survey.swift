import Foundation

extension ContentLoader {
    /// Everything that does not need the build cache (see `ContentSurvey`).
    func survey() throws(HelpCenterError) -> ContentSurvey {
        var survey = ContentSurvey()
        let links = SymlinkGuard(root: contentPath, folderName: "content")
        for entry in try listFolder() {
            let path = join(contentPath, entry)
            if let problem = links.problem(at: path) {
                survey.steps.append(.problem(problem))
            } else if isFolder(path) {
                if let folder = surveyCategory(entry, links: links, survey: &survey) {
                    survey.steps.append(.category(folder))
                }
            } else if entry == "_index.md" {
                var diagnostics: [Diagnostic] = []
                let home = loadIndex(path: path, key: "", digests: &survey.indexDigests, diagnostics: &diagnostics)
                survey.steps += diagnostics.map(ContentSurvey.Step.problem) + [.home(home)]
            } else if entry.hasSuffix(".md") {
                survey.steps.append(
                    .problem(
                        .warning(
                            "ignored: articles live in a category folder; move it to \(contentPath)/<category>/\(entry)",
                            at: SourceLocation(path: path))))
            } else {
                survey.steps.append(
                    .problem(
                        .warning(
                            "ignored: only Markdown files in a category folder are published; put this file in "
                                + "Templates/assets/ and link it as /assets/\(entry)",
                            at: SourceLocation(path: path))))
            }
        }
        return survey
    }

    /// `previous` again, with what `changes` reports looked at anew: for a caller told of every
    /// change since `previous` (`BuildMemory`). The content folder's own entries must not have
    /// changed. Changed articles that are still plain files are stamped again; any other change
    /// in a folder (its `_index.md`, an article added, removed or made a link, a subfolder)
    /// surveys the folder anew. So does every build for a folder with entries that may be links
    /// (a change to a link's target is reported under the target's path) or with problems (a
    /// dangling link may resolve now).
    func survey(reusing previous: ContentSurvey, changes: ReportedChanges) -> ContentSurvey {
        var survey = ContentSurvey()
        let links = SymlinkGuard(root: contentPath, folderName: "content")
        for step in previous.steps {
            guard case .category(let folder) = step else {
                survey.steps.append(step)
                continue
            }
            let changed = changes.files[folder.key] ?? []
            if !changes.wholeFolders.contains(folder.key), folder.maybeLinks.isEmpty, folder.diagnostics.isEmpty,
                let kept = restamped(folder, changed)
            {
                survey.categories.append(folder.key)
                let index = join(folder.folder, "_index.md")
                if let digest = previous.indexDigests[index] { survey.indexDigests[index] = digest }
                survey.steps.append(.category(kept))
            } else if let again = surveyCategory(folder.key, links: links, survey: &survey) {
                survey.steps.append(.category(again))
            }
        }
        let home = join(contentPath, "_index.md")
        if let digest = previous.indexDigests[home] { survey.indexDigests[home] = digest }
        return survey
    }

    /// `folder` with the articles `names` stamped again; `nil` when one of them is not an
    /// article file of the folder any more (or never was).
    private func restamped(_ folder: CategorySurvey, _ names: Set<String>) -> CategorySurvey? {
        var folder = folder
        for name in names {
            var status = stat()
            guard let index = folder.names.firstIndex(of: name), lstat(join(folder.folder, name), &status) == 0,
                status.st_mode & S_IFMT == S_IFREG
            else { return nil }
            folder.stamps[index] = FileStamp(status)
        }
        return folder
    }

    private func listFolder() throws(HelpCenterError) -> [String] {
        guard isFolder(contentPath) else {
            throw HelpCenterError(
                .error(
                    "content folder not found: run helpcenter from the site's root folder or pass --content PATH",
                    at: SourceLocation(path: contentPath)))
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: contentPath).filter { !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw HelpCenterError(
                .error("cannot list folder: \(error.localizedDescription)", at: .init(path: contentPath)))
        }
    }

    /// One category folder's listing, `_index.md` and article stamps; `nil` (with the error in
    /// `survey`) when its name cannot be a URL segment.
    private func surveyCategory(_ key: String, links: SymlinkGuard, survey: inout ContentSurvey) -> CategorySurvey? {
        let folder = join(contentPath, key)
        guard URLSegment.isValid(key) else {
            survey.steps.append(
                .problem(
                    .error(
                        "folder name '\(key)' cannot be a URL segment: use lower-case letters, digits and '-'",
                        at: SourceLocation(path: folder))))
            return nil
        }
        guard !SiteFiles.reservedNames.contains(key) else {
            survey.steps.append(
                .problem(
                    .error(
                        "folder name '\(key)' is taken by the site's own /\(key): rename the folder",
                        at: SourceLocation(path: folder))))
            return nil
        }
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        var maybeLinks: Set<String> = []
        for entry in FolderEntries.list(folder) ?? [] where !entry.name.hasPrefix(".") {
            if entry.mayBeLink, let problem = links.problem(at: join(folder, entry.name)) {
                diagnostics.append(problem)
            } else if let skipped = Self.skippedEntry(entry, in: folder, category: key) {
                diagnostics.append(skipped)
            } else {
                files.append(entry.name)
                if entry.mayBeLink { maybeLinks.insert(entry.name) }
            }
        }
        survey.categories.append(key)
        let category =
            files.contains("_index.md")
            ? loadIndex(
                path: join(folder, "_index.md"), key: key, digests: &survey.indexDigests, diagnostics: &diagnostics)
            : Category(
                key: key, sourcePath: nil, frontMatter: FrontMatter(title: URLSegment.title(from: key)),
                body: MarkdownRenderer().render(""), articles: [])
        let names = files.filter { $0.hasSuffix(".md") && $0 != "_index.md" }
        // Stamps through the open folder: the kernel resolves one name instead of the path.
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if handle >= 0 { close(handle) } }
        let stamps = names.map { handle >= 0 ? FileStamp(name: $0, in: handle) : FileStamp(path: join(folder, $0)) }
        return CategorySurvey(
            key: key, folder: folder, category: category, diagnostics: diagnostics, names: names,
            maybeLinks: maybeLinks, stamps: stamps)
    }

    /// A warning for an entry of a category folder that does not become a page: a folder
    /// (sections are one level deep) or a file that is not Markdown. Nothing is left out unsaid.
    static func skippedEntry(_ entry: FolderEntries.Entry, in folder: String, category: String) -> Diagnostic? {
        let path = folder + "/" + entry.name
        // A folder named like an article is read as one, which says what it is.
        if entry.isFolder, !entry.name.hasSuffix(".md") {
            let count = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).filter {
                $0.hasSuffix(".md")
            }.count
            return .warning(
                "ignored: folders inside a category are not read, so \(count) Markdown "
                    + "\(count == 1 ? "file" : "files") under it \(count == 1 ? "is" : "are") not built; "
                    + "move articles up into \(category)/",
                at: SourceLocation(path: path))
        }
        guard !entry.mayBeLink, !entry.name.hasSuffix(".md") else { return nil }
        return .warning(
            "ignored: only Markdown files in a category folder are published; put this file in "
                + "Templates/assets/ and link it as /assets/\(entry.name)",
            at: SourceLocation(path: path))
    }
}
