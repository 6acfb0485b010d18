/// Hugo's front matter keys that decide whether a page exists, read from the keys we keep as
/// `params`: `headless: true`, `build: {render: never, list: never}` (or Hugo's older
/// `render: false`), `url`, and
/// `cascade`, which an `_index.md` passes down to the pages of its folder.
extension FrontMatter {
    /// What an `_index.md` passes down to its folder's pages (and takes itself).
    public var cascade: [String: TemplateValue] {
        if case .dictionary(let values)? = params["cascade"] { return values }
        return [:]
    }

    /// Whether the page is written: not `headless`, not `build: {render: never}`.
    public var isRendered: Bool {
        params["headless"] != .bool(true) && buildOption("render")
    }

    /// Whether lists show the page: not `build: {list: never}`. (It is still written.)
    public var isListed: Bool { buildOption("list") }

    /// `build: {key: never}` (or `false`) is `false`; anything else, or nothing, is `true`.
    private func buildOption(_ key: String) -> Bool {
        guard case .dictionary(let build)? = params["build"] else { return true }
        switch build[key] {
        case .string(let value)?: return value.lowercased() != "never"
        case .bool(let value)?: return value
        default: return true
        }
    }

    /// Hugo's `url`, as a path below the site root with a trailing `/` (`commands/hugo/`),
    /// lower-cased and hyphenated as every published path is.
    public var customURL: String? {
        guard case .string(let url)? = params["url"], let file = SiteFiles.aliasFile(url) else { return nil }
        return URLSegment.urlPath(String(file.dropLast("index.html".count)))
    }

    /// The page with the keys of `cascade` it does not set itself.
    func cascading(_ cascade: [String: TemplateValue]) -> FrontMatter {
        var matter = self
        for (key, value) in cascade where matter.params[key] == nil && !Self.modeledKeys.contains(key) {
            matter.params[key] = value
        }
        return matter
    }

    /// Keys with a field of their own; `cascade` leaves them to each page.
    static let modeledKeys: Set<String> = [
        "title", "description", "weight", "slug", "draft", "aliases", "tags", "lastmod", "cascade", "url",
    ]
}
