import Foundation

/// `helpcenter check`: everything that would make a published page wrong, found before
/// anything is written. Each problem is a diagnostic at the writer's `path:line:col`.
public struct SiteChecker: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Every problem in the site; loading errors (front matter, templates) are included.
    public func check() -> [Diagnostic] {
        do {
            let config = try SiteConfigLoader.load(path: options.configPath)
            var diagnostics = templateProblems()
            let loader = ContentLoader(
                contentPath: options.contentPath, includeDrafts: true, unsafeHTML: config.unsafeHTML)
            let (content, warnings) = try loader.load()
            let assets = (try? AssetCollector.collect(from: options.templatesPath + "/assets")) ?? [:]
            diagnostics += warnings
            diagnostics += Self.problems(
                in: content, config: config, contentPath: options.contentPath, assets: Set(assets.keys))
            return diagnostics
        } catch {
            return error.diagnostics
        }
    }

    private func templateProblems() -> [Diagnostic] {
        do {
            let templates = try TemplateSet.load(directory: options.templatesPath)
            return templates.sources.sorted { $0.path < $1.path }.flatMap {
                TemplateVariables.unknown(in: $0.text, path: $0.path)
            }
        } catch {
            return error.diagnostics
        }
    }

    /// Links, anchors, images, alt text, drafts linked from published pages, colliding aliases.
    /// `resolver` saves building a second one when the caller has it already. `onlyArticles`
    /// limits the link checks to those source files and skips the alias checks: an incremental
    /// build's other articles, aliases and pages are as the last successful build checked them.
    static func problems(
        in content: SiteContent, config: SiteConfig, contentPath: String, assets: Set<String>,
        resolver: LinkResolver? = nil, onlyArticles: Set<String>? = nil
    ) -> [Diagnostic] {
        // Headings are kept as they are and searched only for the few links with an anchor:
        // a set of ids per page cost more than all the checks on a 10,000-article site.
        let pages = LinkTargets(content, indexed: onlyArticles == nil)
        let resolver = resolver ?? LinkResolver(content: content, config: config, contentPath: contentPath)
        let generated: Set<String> = ["sitemap.xml", "robots.txt", "404.html"]
        var diagnostics: [Diagnostic] = []
        /// A link that leads nowhere: an error, or a warning under `broken_links: warning`.
        func broken(_ message: String, at location: SourceLocation) -> Diagnostic {
            Diagnostic(config.brokenLinks, at: location, message)
        }
        var bodies: [(page: String, source: String, draft: Bool, body: RenderedMarkdown)] = []
        if onlyArticles == nil, let home = content.home, let source = home.sourcePath {
            bodies.append(("", source, false, home.body))
        }
        if let onlyArticles {
            for (_, article) in content.articles(at: onlyArticles) {
                bodies.append((article.relativeURL, article.sourcePath, article.frontMatter.draft, article.body))
            }
        } else {
            for category in content.categories {
                if let source = category.sourcePath {
                    bodies.append((category.relativeURL, source, false, category.body))
                }
                for article in category.articles {
                    bodies.append((article.relativeURL, article.sourcePath, article.frontMatter.draft, article.body))
                }
            }
        }
        for entry in bodies {
            for link in entry.body.links {
                let kind = link.isImage ? "image" : "link"
                if link.isImage && link.altText.trimmingCharacters(in: .whitespaces).isEmpty {
                    let fix =
                        link.isRawHTML
                        ? "add alt=\"...\" describing it to the <img> tag"
                        : "describe it between the brackets of ![...](\(link.url))"
                    diagnostics.append(.error("image has no alt text: \(fix)", at: link.location))
                }
                switch resolver.resolve(link.url, fromPage: entry.page, sourcePath: entry.source) {
                case .external:
                    continue
                case .unknownMarkdown(let path):
                    diagnostics.append(
                        broken("broken \(kind): \(path) is not an article in \(contentPath)", at: link.location))
                case .resource:
                    continue
                case .file(let path):
                    let asset = path.hasPrefix("assets/") ? String(path.dropFirst("assets/".count)) : nil
                    if !(asset.map(assets.contains) ?? false) && !generated.contains(path) {
                        diagnostics.append(
                            broken(missingFile(link.url, kind, path, from: entry.source), at: link.location))
                    }
                case .page(let target, let anchor):
                    guard let page = pages[target] else {
                        diagnostics.append(
                            broken("broken \(kind): no page at \(config.rootPath)\(target)", at: link.location))
                        continue
                    }
                    if let anchor, !anchor.isEmpty, !page.headings.contains(where: { $0.id == anchor }) {
                        diagnostics.append(
                            broken(
                                "broken anchor: no heading with id '\(anchor)' on \(config.rootPath)\(target)",
                                at: link.location))
                    }
                    if page.draft && !entry.draft {
                        diagnostics.append(
                            .error(
                                "link to a draft (\(config.rootPath)\(target)): publish it or remove the link",
                                at: link.location))
                    }
                }
            }
        }
        return onlyArticles == nil
            ? diagnostics + aliasProblems(content, pages: pages.urls, assets: assets) : diagnostics
    }

    /// Where a missing file was looked for: beside the article for a relative link, in the
    /// site (`Templates/assets/`) for one from the root.
    private static func missingFile(_ url: String, _ kind: String, _ path: String, from source: String) -> String {
        guard !url.hasPrefix("/") else {
            return "broken \(kind): no file /\(path) in the site; add it to Templates/assets/"
        }
        let folder = LexicalPath.parent(of: source)
        return "broken \(kind): no file \(url) beside \(source) (nor /\(path) in the site); put it in "
            + "\(folder.isEmpty ? "." : folder)/ next to the article"
    }

    private static func aliasProblems(_ content: SiteContent, pages: Set<String>, assets: Set<String>) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for article in content.articles {
            for alias in article.frontMatter.aliases {
                let location = aliasLocation(alias, in: article.sourcePath)
                guard let file = SiteFiles.aliasFile(alias) else {
                    diagnostics.append(
                        .error("alias '\(alias)' is not a path inside the site, like /old/page/", at: location))
                    continue
                }
                let page = String(file.dropLast("index.html".count))
                // Hugo accepts an alias of the page's own URL; the page itself is what is served there.
                if page == article.relativeURL {
                    diagnostics.append(
                        .warning(
                            "alias '\(alias)' is this article's own URL, so it is ignored: remove it", at: location))
                    continue
                }
                let top = page.split(separator: "/").first.map(String.init)
                if pages.contains(page), page.isEmpty || page == "search/" {
                    diagnostics.append(
                        .error("alias '\(alias)' is the URL of an existing page: remove the alias", at: location))
                } else if pages.contains(page) {
                    // As in Hugo, where an old URL became another page's (a section's) URL: the
                    // page keeps it and no redirect is written.
                    diagnostics.append(
                        .warning(
                            "alias '\(alias)' is the URL of another page, which keeps it, so the alias is ignored: "
                                + "remove it",
                            at: location))
                } else if let top, SiteFiles.reservedNames.contains(top),
                    // A redirect page among the assets is fine, as in Hugo, unless an asset has its name.
                    top != "assets" || assets.contains(String(file.dropFirst("assets/".count)))
                {
                    diagnostics.append(
                        .error("alias '\(alias)' is inside the site's own /\(top)/: choose another path", at: location))
                } else if let owner = owners[page] {
                    diagnostics.append(
                        .error("alias '\(alias)' is also an alias of \(owner): keep it in one article", at: location))
                } else {
                    owners[page] = article.sourcePath
                }
            }
        }
        return diagnostics
    }

    /// Where `alias` is written in the file's front matter, found again in its text (the parsed
    /// front matter keeps values, not positions); the file's start when it cannot be found.
    static func aliasLocation(_ alias: String, in path: String) -> SourceLocation {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() {
            if line.hasPrefix("---") { break }
            if let range = line.range(of: alias) {
                return SourceLocation(
                    path: path, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(path: path, line: 1, column: 1)
    }
}
