import Foundation
import Mustache
import TestSupport
import Testing

@testable import HelpCenterKit

/// `CompiledRenderer` must give swift-mustache's bytes for any template the library parses:
/// the shipped site, hand-picked corners of the Mustache rules, and thousands of random
/// templates and contexts.
@Suite("Compiled templates")
struct CompiledTemplateTests {
    /// A set with the required page templates stubbed out, plus `sources`.
    func templateSet(_ sources: [String: String]) throws(HelpCenterError) -> TemplateSet {
        let given = sources.map { TemplateSource(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        let stubs = TemplateSet.requiredNames.filter { sources[$0] == nil }.map {
            TemplateSource(name: $0, path: "\($0).mustache", text: "")
        }
        return try TemplateSet.compile(given + stubs, directory: "Templates")
    }

    @Test("the shipped templates render compiled, every page with the library's bytes")
    func shippedSite() throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.writeArticle("Content/more/a.md", title: "A <b>&</b> 'quoted'", extra: "tags: [zoom, \"<x>\"]\n")
        try site.writeArticle("Content/more/b.md", title: "B", extra: "description: Short & sweet\n")
        let templates = try TemplateSet.load(directory: site.path("Templates"))
        #expect(templates.rendersCompiled)
        let pages = try Self.pages(of: site).pages
        #expect(pages.count > 5)
        for (name, values) in pages {
            let html = try templates.render(name, values)
            #expect(html == templates.renderWithLibrary(name, values), "\(name)")
            #expect(html.contains("</html>"))
        }
    }

    /// Every page of `site` with its values, as a build renders them, and the page context.
    static func pages(of site: TemporarySite) throws -> (context: PageContext, pages: [(String, TemplateValue)]) {
        let config = try SiteConfigLoader.load(path: site.path("site.yml"))
        let (content, _) = try ContentLoader(contentPath: site.path("Content")).load()
        let context = PageContext(
            config: config, content: content,
            links: MarkdownLinkRewriter(content: content, config: config, contentPath: site.path("Content")))
        var pages: [(String, TemplateValue)] = [
            ("home", context.home()), ("404", context.notFound()), ("search", context.search()),
        ]
        for category in content.categories {
            pages.append(("category", context.category(category)))
            pages += category.articles.map { ("article", context.article($0, in: category)) }
        }
        return (context, pages)
    }

    @Test(
        "corners of the rules render as the library renders them",
        arguments: [
            "{{#empty}}[{{.}}]{{/empty}}{{^empty}}none{{/empty}}", "{{#text}}<{{.}}>{{/text}}",
            "{{#zero}}zero is {{.}}{{/zero}}", "{{#nothing}}x{{/nothing}}{{^nothing}}missing{{/nothing}}",
            "{{#list}}{{a}}{{b}}|{{/list}}", "{{#list}}{{.a}}{{/list}}", "{{a.b.c}}{{a.x.c}}{{.a.b.c}}",
            "{{#a}}{{#b}}{{title}}{{/b}}{{/a}}", "{{flag}} {{zero}} {{ratio}} {{none}} {{list}}",
            "  {{#flag}}\n  yes\n  {{/flag}}\n", "a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\n",
            "{{% CONTENT_TYPE: TEXT }}{{title}}{{> p}}",
            "<ul>\n  {{> p}}\n</ul>\n", "x\r\n  {{> p}}\r\n", "{{<parent}}{{$main}}mine {{title}}{{/main}}{{/parent}}",
            "{{<parent}}\n  {{$main}}\n  indented\n  {{/main}}\n{{/parent}}\n", "{{$main}}default{{/main}}",
            "{{<mid}}{{$main}}outermost wins{{/main}}{{/mid}}", "{{^empty}}[{{.}}]{{/empty}}",
            "{{% CONTENT_TYPE: TEXT }}{{#list}}{{> p}}{{a}}{{/list}}",
        ])
    func corners(template: String) throws {
        let templates = try templateSet([
            "t": template, "p": "{{title}}\n{{#list}}\n- {{a}}\n{{/list}}\n",
            "parent": "<{{$main}}parent's{{/main}}>\n  {{$side}}side\n{{/side}}\n",
            "mid": "{{<parent}}{{$main}}mid's{{/main}}{{$side}}mid's side{{/side}}{{/parent}}",
        ])
        #expect(templates.rendersCompiled)
        let values: TemplateValue = [
            "title": "<Zoom & 'co'>", "flag": true, "zero": 0, "ratio": 2.5, "none": .null, "empty": [],
            "text": "", "list": [["a": 1, "b": "two"], ["a": "<a>"]], "a": ["b": ["c": "deep"]],
        ]
        #expect(try templates.render("t", values) == templates.renderWithLibrary("t", values))
    }

    @Test("templates with transforms render through the library, correctly")
    func fallback() throws {
        for template in [
            "{{uppercased(title)}}", "{{#list}}{{index()}}{{/list}}", "{{#empty(list)}}none{{/empty(list)}}",
        ] {
            let templates = try templateSet(["t": template, "p": "partial"])
            #expect(!templates.rendersCompiled, "\(template)")
            let values: TemplateValue = ["title": "zoom", "list": ["a", "b"], "which": "p"]
            let html = try templates.render("t", values)
            #expect(html == templates.renderWithLibrary("t", values))
            #expect(["ZOOM", "01", ""].contains(html), "\(template) gave \(html)")
        }
    }

    @Test(
        "a block whose override includes the same block is refused at its tag, with transforms in the set or not",
        arguments: ["", "{{uppercased(title)}}"])
    func blockIncludingItself(otherTemplate: String) throws {
        // The library recursed on this until the process crashed.
        do {
            _ = try templateSet([
                "article": "{{<parent}}{{$main}}[\n  {{$main}}x{{/main}}]{{/main}}{{/parent}}",
                "parent": "{{$main}}{{/main}}", "home": otherTemplate,
            ])
            Issue.record("must fail")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.path == "article.mustache")
            #expect(diagnostic.location.line == 2 && diagnostic.location.column == 3)
            #expect(diagnostic.message.contains("would render itself forever"))
        }
    }

    @Test("a block that reaches itself through a partial stops rendering with an error naming the page")
    func blockReachingItselfThroughPartial() throws {
        let templates = try templateSet([
            "article": "{{<parent}}{{$main}}[{{> inner}}]{{/main}}{{/parent}}", "inner": "{{$main}}x{{/main}}",
            "parent": "{{$main}}{{/main}}",
        ])
        #expect(templates.rendersCompiled)
        do {
            _ = try templates.render("article", [:])
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.first?.location.path == "article.mustache")
            #expect(error.diagnostics.first?.message.contains("{{$block}} override includes the same block") == true)
        }
        // Blocks of other names nest freely.
        let other = try templateSet([
            "article": "{{<parent}}{{$main}}[{{$side}}s{{/side}}]{{/main}}{{/parent}}",
            "parent": "{{$main}}{{/main}}",
        ])
        #expect(try other.render("article", [:]) == other.renderWithLibrary("article", [:]))
    }

    @Test("a partial starts in the library's own HTML escaping, whatever its caller switched to")
    func partialEscapingResets() throws {
        // Without `TemplateSet`'s pragma, so the library's default escaping shows.
        var library = MustacheLibrary()
        var renderer = CompiledRenderer(templates: [:], startEscaping: try #require(TokenReflection.libraryHTML))
        for (name, text) in ["t": "{{% CONTENT_TYPE: TEXT }}{{x}}|{{> p}}", "p": "{{x}}"] {
            let template = try MustacheTemplate(string: text)
            library.register(template, named: name)
            let compiled: CompiledTemplate = try #require(TokenReflection.compile(template))
            renderer.templates[name] = compiled
        }
        let values: TemplateValue = ["x": "<\u{338}&>"]
        let html = String(decoding: try #require(try renderer.render("t", values)), as: UTF8.self)
        #expect(html == library.render(values.mustacheValue, withTemplate: "t"))
        // The library's escaping walks Characters, so it leaves the fused '<' alone.
        #expect(html == "<\u{338}&>|<\u{338}&amp;&gt;")
    }

    @Test("an unknown template is an error naming it")
    func unknownTemplate() throws {
        let templates = try templateSet([:])
        #expect(throws: HelpCenterError.self) { try templates.render("missing", [:]) }
    }

    @Test("random templates and contexts render as the library renders them", arguments: [1, 2, 3, 4] as [UInt64])
    func randomTemplates(seed: UInt64) throws {
        var random = RandomTemplates(random: SeededGenerator(seed: seed))
        var compared = 0
        var rejected: [Substring: Int] = [:]
        var endless = 0
        for _ in 0..<400 {
            let sources = [
                // t includes p and parent, p includes parent: partials and parents nest two deep.
                "t": random.template(depth: 0, partials: ["p", "parent"]),
                "p": random.template(depth: 1, partials: ["parent"]),
                "parent": random.template(depth: 1, partials: []),
            ]
            // Writers' mistakes (a block outside a parent, say) are the library's to report.
            let templates: TemplateSet
            do {
                templates = try templateSet(sources)
            } catch {
                rejected[error.diagnostics.first?.message.prefix(30) ?? "", default: 0] += 1
                continue
            }
            #expect(templates.rendersCompiled)
            let values = random.context()
            // A block including itself is our error, and would crash the library.
            guard let compiled = try? templates.render("t", values) else {
                endless += 1
                continue
            }
            #expect(compiled == templates.renderWithLibrary("t", values), "\(sources) with \(values)")
            compared += 1
        }
        #expect(compared > 250, "\(rejected), \(endless) endless")
        #expect(endless < 40)
    }
}

/// Random templates built from every construct the compiled renderer handles, with the
/// whitespace and line endings that decide standalone lines and indentation.
struct RandomTemplates {
    var random: SeededGenerator
    let names = ["a", "b", "list", "flag", "none", "zero", "text", "d", "a.b", "list.a", ".", ".a", "d.a.b", "missing"]

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(random.next() % UInt64(items.count))]
    }

    /// A template that may include the templates named in `partials`.
    mutating func template(depth: Int, partials: [String]) -> String {
        (0..<Int(random.next() % 7)).map { _ in piece(depth: depth, partials: partials) }.joined()
    }

    private mutating func piece(depth: Int, partials: [String]) -> String {
        let name = pick(names)
        let lead = pick(["", "", "\n", "\n  ", "\r\n", " ", "\n\t"])
        let trail = pick(["", "", "\n", " \n", "\r\n", "x"])
        let nested = depth < 3
        switch random.next() % 13 {
        case 0: return pick(["text", "<&>\"'", "  ", "\n", "\r\n", "é ✓", "{", "}"])
        case 1: return lead + "{{\(name)}}" + trail
        case 2: return lead + "{{{\(name)}}}" + trail
        case 3: return lead + "{{& \(name) }}" + trail
        case 4 where nested, 5 where nested:
            let sigil = random.next() % 2 == 0 ? "#" : "^"
            return lead + "{{\(sigil)\(name)}}" + trail + template(depth: depth + 1, partials: partials)
                + pick(["", "\n", "\n  "]) + "{{/\(name)}}" + pick(["", "\n", "\r\n"])
        case 6: return lead + "{{! note }}" + trail
        case 7 where !partials.isEmpty: return lead + "{{> \(pick(partials))}}" + trail
        case 8 where nested:
            let block = pick(["main", "side"])
            return lead + "{{$\(block)}}" + trail + template(depth: depth + 1, partials: partials) + "{{/\(block)}}"
                + trail
        case 9 where partials.contains("parent") && nested:
            let blocks = (0..<Int(random.next() % 3)).map { _ in
                let block = pick(["main", "side"])
                return pick(["", "\n", "\n  "]) + "{{$\(block)}}" + pick(["", "\n"])
                    + template(depth: depth + 1, partials: partials) + "{{/\(block)}}"
            }
            return lead + "{{<parent}}" + trail + blocks.joined() + pick(["", "\n"]) + "{{/parent}}" + trail
        case 10: return lead + pick(["{{% CONTENT_TYPE: TEXT }}", "{{% CONTENT_TYPE: HTML }}"]) + trail
        default: return lead + pick(["plain", "<p>", "  indented"]) + trail
        }
    }

    /// A root dictionary giving each name a value of a random kind.
    mutating func context() -> TemplateValue {
        var values: [String: TemplateValue] = [:]
        for key in ["a", "b", "list", "flag", "none", "zero", "text", "d", "title"] {
            if random.next() % 5 != 0 { values[key] = value(depth: 0) }
        }
        return .dictionary(values)
    }

    private mutating func value(depth: Int) -> TemplateValue {
        switch random.next() % (depth < 2 ? 9 : 6) {
        case 0: return .string(pick(["", "x", "<b>&'\"", "line\nnext", "  "]))
        case 1: return .int(pick([0, 3, -1]))
        case 2: return .double(pick([0.5, 2.0]))
        case 3: return .bool(random.next() % 2 == 0)
        case 4: return .null
        case 5: return .string("plain")
        case 6, 7: return .array((0..<Int(random.next() % 3)).map { _ in value(depth: depth + 1) })
        default:
            // One key at most, so a dictionary rendered as text has one order.
            let key = pick(["a", "b", "list", "flag"])
            return .dictionary([key: value(depth: depth + 1)])
        }
    }
}
