import Mustache
import TestSupport
import Testing

@testable import HelpCenterKit

/// Templates render through `FastHTMLEscaping` instead of swift-mustache's own escaping: the
/// bytes must be the library's for any text, bar one case where ours is the stricter.
@Suite("HTML escaping in templates")
struct FastHTMLEscapingTests {
    /// What swift-mustache's default HTML escaping makes of `text`.
    func libraryEscape(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": text])
    }

    @Test(
        "the same bytes as swift-mustache's escaping",
        arguments: [
            "", "plain", "a < b > c & d", #""quoted" and 'single'"#, "&amp; stays &amp;amp;", "Zoom’s app — déjà vu ✓",
            "emoji 👩‍💻 < family 👨‍👩‍👧", "\u{0}\u{7F}<>&\"'", "line\nbreak\r\n<tab>\t", String(repeating: "<&>", count: 1000),
        ])
    func sameAsLibrary(text: String) throws {
        #expect(FastHTMLEscaping().escapeText(text) == (try libraryEscape(text)))
    }

    @Test("random text, ASCII and beyond, escapes as the library does")
    func randomText() throws {
        var random = SeededGenerator(seed: 42)
        let pieces = ["<", ">", "&", "\"", "'", "a", " ", "é", "’", "\n", "中", "🙂", "&lt;", "0"]
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(FastHTMLEscaping().escapeText(text) == (try libraryEscape(text)), "\(text)")
        }
    }

    @Test("a '<' fused with a combining mark is escaped too (the library leaves that Character alone)")
    func combiningMark() throws {
        let text = "<\u{338}b>"
        #expect(FastHTMLEscaping().escapeText(text) == "&lt;\u{338}b&gt;")
        #expect(try libraryEscape(text) == "<\u{338}b&gt;")
    }

    @Test("every template and partial renders through it (the fused '<' shows which escaping ran)")
    func templatesUseIt() throws {
        let sources = [
            TemplateSource(name: "t", path: "t.mustache", text: "{{x}}|{{{x}}}|{{> p}}\n"),
            TemplateSource(name: "p", path: "p.mustache", text: "{{#list}}{{.}}{{/list}}"),
        ]
        let templates = try TemplateSet.compile(
            sources + TemplateSet.requiredNames.map { TemplateSource(name: $0, path: "\($0).mustache", text: "") },
            directory: "Templates")
        let fused = "<\u{338}'\"&>"
        #expect(
            try templates.render("t", ["x": .string(fused), "list": [.string(fused)]])
                == "&lt;\u{338}&#39;&quot;&amp;&gt;|\(fused)|&lt;\u{338}&#39;&quot;&amp;&gt;\n")
    }

    @Test(
        "template syntax errors point at the writer's line and column, not the added pragma's",
        arguments: [
            "{{/close}}\n", "one\ntwo {{#open}}\n", "a\nb\n  c {{/x}}\n", "{{#a}}\n{{/b}}\n", "x\n{{unclosed\n",
        ])
    func errorLines(text: String) throws {
        // Where swift-mustache itself places the error in the file as written.
        var expected: (Int, Int)?
        do {
            _ = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            expected = (error.context.lineNumber, error.context.columnNumber)
        }
        let sources =
            TemplateSet.requiredNames.map { TemplateSource(name: $0, path: "\($0).mustache", text: "") } + [
                TemplateSource(name: "broken", path: "broken.mustache", text: text)
            ]
        do {
            _ = try TemplateSet.compile(sources, directory: "Templates")
            Issue.record("\(text) must fail")
        } catch {
            let location = try #require(error.diagnostics.first?.location)
            #expect(location.path == "broken.mustache")
            #expect(location.line == expected?.0 && location.column == expected?.1)
        }
    }
}
