import Foundation

extension ContentLoader {
    /// Everything that does not need the build cache (see `ContentSurvey`): the home page's
    /// `_index.md` first (its `cascade` reaches every page), then each folder in name order.
    func survey() throws(HelpCenterError) -> ContentSurvey {
        var survey = ContentSurvey()
        let links = SymlinkGuard(root: contentPath, folderName: "content")
        let entries = try listFolder()
        var cascade: [String: TemplateValue] = [:]
        if entries.contains("_index.md"), links.problem(at: join(contentPath, "_index.md")) == nil {
            var diagnostics: [Diagnostic] = []
            let home = loadIndex(
                path: join(contentPath, "_index.md"), key: "", digests: &survey.indexDigests, diagnostics: &diagnostics)
            survey.steps += diagnostics.map(ContentSurvey.Step.problem) + [.home(home)]
            cascade = home?.frontMatter.cascade ?? [:]
        }
        for entry in entries {
            let path = join(contentPath, entry)
            if let problem = links.problem(at: path) {
                survey.steps.append(.problem(problem))
            } else if isFolder(path) {
                if FileManager.default.fileExists(atPath: join(path, "index.md")) {
                    survey.steps.append(
                        .problem(
                            .warning(
                                "ignored: a page bundle (a folder with index.md) belongs in a category; move it to "
                                    + "\(contentPath)/<category>/\(entry)/",
                                at: SourceLocation(path: join(path, "index.md")))))
                } else {
                    surveySection(entry, parentKey: nil, cascade: cascade, links: links, survey: &survey)
                }
            } else if entry == "_index.md" {
                continue
            } else if entry.hasSuffix(".md") {
                survey.steps.append(
                    .problem(
                        .warning(
                            "ignored: articles live in a category folder; move it to \(contentPath)/<category>/\(entry)",
                            at: SourceLocation(path: path))))
            } else {
                survey.resources.append(entry)
            }
        }
        survey.stampResources(in: contentPath)
        return survey
    }

    /// `previous` again, with what `changes` reports looked at anew: for a caller told of every
    /// change since `previous` (`BuildMemory`). Only an edit to articles that are still plain
    /// files is taken this way (their stamps taken again); `nil` for any other change (a file
    /// added, removed or made a link, an `_index.md`, a resource, a folder), and for a survey
    /// with entries that may be links (a change to a link's target is reported under the
    /// target's path) or with problems (a dangling link may resolve now): survey anew.
    func survey(reusing previous: ContentSurvey, changes: ReportedChanges) -> ContentSurvey? {
        var survey = previous
        var positions: [String: Int] = [:]
        for (position, step) in previous.steps.enumerated() {
            guard case .category(let folder) = step else { continue }
            guard folder.maybeLinks.isEmpty, folder.diagnostics.isEmpty else { return nil }
            positions[folder.folder] = position
        }
        for (relative, names) in changes.files {
            let folder = join(contentPath, relative)
            for name in names {
                // An article of the section, or a page bundle's `index.md` in its parent.
                let found =
                    positions[folder].map { ($0, name) }
                    ?? (name == "index.md"
                        ? positions[LexicalPath.parent(of: folder)].map {
                            ($0, LexicalPath.fileName(of: folder) + "/" + name)
                        }
                        : nil)
                guard let (position, article) = found, case .category(var section) = survey.steps[position],
                    let index = section.names.firstIndex(of: article)
                else { return nil }
                var status = stat()
                guard lstat(join(section.folder, article), &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                    return nil
                }
                section.stamps[index] = FileStamp(status)
                survey.steps[position] = .category(section)
            }
        }
        return survey
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

    /// One section folder (`relative` to the content folder) and, depth first, the sections in
    /// it. A folder with no `_index.md`, no article and no section in it is not a section: its
    /// files are resources (`img/`). A folder with an `index.md` is a page bundle: one article,
    /// with every other file in it a resource.
    /// - Returns: whether it became a section.
    @discardableResult
    private func surveySection(
        _ relative: String, parentKey: String?, cascade: [String: TemplateValue], links: SymlinkGuard,
        survey: inout ContentSurvey
    ) -> Bool {
        let folder = join(contentPath, relative)
        let name = LexicalPath.fileName(of: relative)
        let segment = URLSegment.urlForm(name)
        guard URLSegment.isValid(segment) else {
            survey.steps.append(
                .problem(
                    .error(
                        "folder name '\(name)' cannot be a URL segment: use letters, digits and '-'",
                        at: SourceLocation(path: folder))))
            return false
        }
        guard parentKey != nil || !SiteFiles.reservedNames.contains(segment) else {
            survey.steps.append(
                .problem(
                    .error(
                        "folder name '\(name)' is taken by the site's own /\(segment): rename the folder",
                        at: SourceLocation(path: folder))))
            return false
        }
        let key = parentKey.map { "\($0)/\(segment)" } ?? segment
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        var folders: [String] = []
        var maybeLinks: Set<String> = []
        for entry in FolderEntries.list(folder) ?? [] where !entry.name.hasPrefix(".") {
            let path = join(folder, entry.name)
            if entry.mayBeLink, let problem = links.problem(at: path) {
                diagnostics.append(problem)
            } else if entry.name.hasSuffix(".md") {
                // A folder named like an article is read as one, which says what it is.
                files.append(entry.name)
                if entry.mayBeLink { maybeLinks.insert(entry.name) }
            } else if entry.mayBeLink, isFolder(path), let loop = Self.loop(at: path, in: folder) {
                diagnostics.append(loop)
            } else if entry.isFolder || (entry.mayBeLink && isFolder(path)) {
                folders.append(entry.name)
            } else {
                survey.resources.append(join(relative, entry.name))
            }
        }
        let category =
            files.contains("_index.md")
            ? loadIndex(
                path: join(folder, "_index.md"), key: key, cascade: cascade, digests: &survey.indexDigests,
                diagnostics: &diagnostics)
            : Category(
                key: key, sourcePath: nil,
                // What is cascaded from above (`build: {render: never}`) holds for it too.
                frontMatter: FrontMatter(title: URLSegment.title(from: name)).cascading(cascade),
                body: MarkdownRenderer().render(""), articles: [])
        let inherited = cascade.merging(category?.frontMatter.cascade ?? [:]) { _, own in own }
        var names = files.filter { $0 != "_index.md" }
        let position = survey.steps.count
        let listed = survey.categories.count
        var hasSections = false
        for sub in folders {
            let subfolder = join(relative, sub)
            if FileManager.default.fileExists(atPath: join(join(contentPath, subfolder), "index.md")) {
                names.append(sub + "/index.md")
                diagnostics += surveyBundle(subfolder, top: true, links: links, survey: &survey)
            } else if surveySection(subfolder, parentKey: key, cascade: inherited, links: links, survey: &survey) {
                hasSections = true
            }
        }
        guard files.contains("_index.md") || !names.isEmpty || hasSections || !diagnostics.isEmpty else {
            return false
        }
        names.sort()
        // Stamps through the open folder: the kernel resolves one name instead of the path.
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if handle >= 0 { close(handle) } }
        let stamps = names.map { handle >= 0 ? FileStamp(name: $0, in: handle) : FileStamp(path: join(folder, $0)) }
        // Before the sections inside it, so diagnostics and listings read top down.
        survey.categories.insert(key, at: listed)
        survey.steps.insert(
            .category(
                CategorySurvey(
                    key: key, folder: folder, parentKey: parentKey, category: category, cascade: inherited,
                    diagnostics: diagnostics, names: names, maybeLinks: maybeLinks, stamps: stamps)),
            at: position)
        return true
    }

    /// A page bundle's files besides its `index.md`, at any depth, as resources; Markdown there
    /// is not built, and says so.
    private func surveyBundle(
        _ relative: String, top: Bool, links: SymlinkGuard, survey: inout ContentSurvey
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in FolderEntries.list(join(contentPath, relative)) ?? [] where !entry.name.hasPrefix(".") {
            let inside = join(relative, entry.name)
            let path = join(contentPath, inside)
            if entry.mayBeLink, let problem = links.problem(at: path) {
                diagnostics.append(problem)
            } else if entry.mayBeLink, isFolder(path), let loop = Self.loop(at: path, in: join(contentPath, relative)) {
                diagnostics.append(loop)
            } else if entry.isFolder || (entry.mayBeLink && isFolder(path)) {
                diagnostics += surveyBundle(inside, top: false, links: links, survey: &survey)
            } else if entry.name.hasSuffix(".md") {
                guard !top || entry.name != "index.md" else { continue }
                diagnostics.append(
                    .warning(
                        "ignored: Markdown inside a page bundle is not built; only its own index.md is a page",
                        at: SourceLocation(path: join(contentPath, inside))))
            } else {
                survey.resources.append(inside)
            }
        }
        return diagnostics
    }

    /// An error when the folder link at `path`, inside `folder`, leads to `folder` or a folder
    /// above it: walking it would never end (`img/up -> ..`).
    static func loop(at path: String, in folder: String) -> Diagnostic? {
        guard let target = SymlinkGuard.resolve(path), let here = SymlinkGuard.resolve(folder),
            here == target || here.hasPrefix(target + "/")
        else { return nil }
        return .error(
            "a symbolic link loop: this folder link leads back to \(target), which holds it; remove the link",
            at: SourceLocation(path: path))
    }
}
