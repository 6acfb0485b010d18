import Foundation
import Mustache

/// The site's Mustache templates, loaded from `Templates/` and checked before any page is
/// rendered, so a typo in a partial name fails the build with its location instead of
/// silently rendering nothing.
public struct TemplateSet: Sendable {
    /// The page templates a build needs.
    public static let requiredNames = ["home", "category", "article", "404", "search"]

    /// The templates as swift-mustache parsed them; `nil` in a set restored from the
    /// `TemplateCache`, which parses them again only if asked to render with the library.
    private var library: MustacheLibrary?
    /// The same templates for `CompiledRenderer`, or `nil` when one uses something only the
    /// library renders (see `TokenReflection`).
    private(set) var compiled: CompiledRenderer?
    public let names: Set<String>
    /// The texts as loaded, for checks that read templates (`helpcenter check`) without
    /// reading the files again.
    public let sources: [TemplateSource]
    /// Partials that read only site-wide values, by name (see `SiteWidePartials`).
    let siteWidePartials: Set<String>
    /// Whether it came from the `TemplateCache` rather than from parsing the files.
    private(set) var isRestored = false

    /// Loads every `*.mustache` under `directory`; `partials/header.mustache` is `partials/header`.
    public static func load(directory: String) throws(HelpCenterError) -> TemplateSet {
        try compile(read(directory: directory), directory: directory)
    }

    /// The texts of every `*.mustache` under `directory`, named as `load` names them.
    public static func read(directory: String) throws(HelpCenterError) -> [TemplateSource] {
        var sources: [TemplateSource] = []
        var diagnostics: [Diagnostic] = []
        for (name, path) in try templateFiles(in: directory) {
            do {
                sources.append(TemplateSource(name: name, path: path, text: try SourceFileReader.read(path)))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw HelpCenterError(diagnostics) }
        return sources
    }

    /// Parses already-read templates and checks partial references and required names; `load`
    /// reads the folder, the fuzzer and tests hand texts in directly.
    public static func compile(_ sources: [TemplateSource], directory: String) throws(HelpCenterError) -> TemplateSet {
        var library = MustacheLibrary()
        var compiled = TokenReflection.libraryHTML.map { CompiledRenderer(templates: [:], startEscaping: $0) }
        var diagnostics: [Diagnostic] = []
        FastHTMLEscaping.registered
        for source in sources {
            do {
                let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + source.text)
                library.register(template, named: source.name)
                compiled.add(template, named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is one line more than the writer's file.
                let location = SourceLocation(
                    path: source.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                diagnostics.append(.error("template syntax: \(Self.describe(error.error))", at: location))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        let names = Set(sources.map(\.name))
        for source in sources.sorted(by: { $0.name < $1.name }) {
            diagnostics += PartialReferences.problems(
                in: source.text, path: source.path, known: names, from: source.name)
            diagnostics += SelfIncludingBlocks.problems(in: source.text, path: source.path, from: source.name)
        }
        diagnostics += PartialReferences.cycles(in: sources)
        for required in requiredNames where !names.contains(required) {
            diagnostics.append(
                .error(
                    "missing template '\(required)': create \(directory)/\(required).mustache",
                    at: SourceLocation(path: directory)))
        }
        guard diagnostics.isEmpty else { throw HelpCenterError(diagnostics) }
        return TemplateSet(
            library: library, compiled: compiled, names: names, sources: sources,
            siteWidePartials: SiteWidePartials.names(in: sources))
    }

    /// A copy in which every site-wide partial is rendered once with `siteWide` (a page context
    /// with at least `site`, `root` and `nav`) and then served as fixed text: the same bytes,
    /// without re-rendering the header's nav on every page.
    public func renderingSiteWidePartialsOnce(with siteWide: TemplateValue) -> TemplateSet {
        var copy = self
        for name in siteWidePartials.sorted() {
            guard let html = try? render(name, siteWide), !html.contains("{{"),
                let fixed = try? MustacheTemplate(string: html)
            else { continue }
            copy.library?.register(fixed, named: name)
            copy.compiled.add(fixed, named: name)
        }
        return copy
    }

    /// Renders the template `name` with `context`.
    public func render(_ name: String, _ context: TemplateValue) throws(HelpCenterError) -> String {
        String(decoding: try renderPage(name, context), as: UTF8.self)
    }

    /// Renders the template `name` with `context` as the UTF-8 bytes a page file holds.
    public func renderPage(_ name: String, _ context: TemplateValue) throws(HelpCenterError) -> [UInt8] {
        var path: String { sources.first { $0.name == name }?.path ?? "\(name).mustache" }
        let html: [UInt8]?
        do {
            html =
                if let compiled {
                    try compiled.render(name, context)
                } else {
                    renderWithLibrary(name, context).map { Array($0.utf8) }
                }
        } catch {
            throw HelpCenterError(
                .error(
                    "template '\(name)' never finishes: a {{$block}} override includes the same block "
                        + "(blocks and partials nest over \(CompiledRenderer.maximumNesting) deep); rename the inner block",
                    at: SourceLocation(path: path)))
        }
        guard let html else {
            throw HelpCenterError(.error("unknown template '\(name)'", at: SourceLocation(path: path)))
        }
        return html
    }

    /// Whether pages render through `CompiledRenderer` rather than the library.
    public var rendersCompiled: Bool { compiled != nil }

    /// The library's own rendering, for templates only it understands and for tests that
    /// hold the compiled renderer to it.
    public func renderWithLibrary(_ name: String, _ context: TemplateValue) -> String? {
        let library = self.library ?? (try? Self.compile(sources, directory: "")).flatMap(\.library)
        return library?.render(context.mustacheValue, withTemplate: name)
    }

    private static func templateFiles(in directory: String) throws(HelpCenterError) -> [(name: String, path: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HelpCenterError(
                .error(
                    "templates folder not found: run helpcenter from the site's root folder or pass --templates PATH",
                    at: SourceLocation(path: directory)))
        }
        let relativePaths = (FileManager.default.subpaths(atPath: directory) ?? []).sorted()
        let links = SymlinkGuard(root: directory, folderName: "templates")
        let problems = relativePaths.compactMap { links.problem(at: directory + "/" + $0) }
        guard problems.isEmpty else { throw HelpCenterError(problems) }
        return relativePaths.filter { $0.hasSuffix(".mustache") }.map { relative in
            (String(relative.dropLast(".mustache".count)), directory + "/" + relative)
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing {{/name}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a {{#section}} is never closed with {{/section}}"
        case .invalidSetDelimiter: return "invalid {{=<% %>=}} delimiter change"
        default: return "\(error)"
        }
    }
}

/// One template's text and where it came from, for diagnostics.
public struct TemplateSource: Sendable, Hashable {
    /// `partials/header` for `partials/header.mustache`.
    public var name: String
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

extension TemplateSet {
    /// A set the `TemplateCache` kept: compiled from `sources` by an earlier build, without
    /// problems.
    init(restoring compiled: CompiledRenderer, sources: [TemplateSource], siteWidePartials: Set<String>) {
        self.init(
            library: nil, compiled: compiled, names: Set(sources.map(\.name)), sources: sources,
            siteWidePartials: siteWidePartials, isRestored: true)
    }
}
