import Testing

@testable import HelpCenterKit

/// Footnotes beyond the one GFM example: how definitions are found and taken out without
/// changing the blocks around them, and where a footnote's links are in the file.
@Suite("Footnotes")
struct FootnoteTests {
    func render(_ markdown: String, lineOffset: Int = 0) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions(path: "a.md", lineOffset: lineOffset)).render(markdown)
    }

    @Test("a definition cmark would take as a link definition is a footnote; two on adjacent lines are two")
    func definitionsFound() {
        let html = render("A[^a] and B[^b].\n\n[^a]: https://example.com/a\n[^b]: Second.\n").html
        #expect(html.contains("<li id=\"fn1\">\n<p><a href=\"https://example.com/a\">https://example.com/a</a> <a"))
        #expect(html.contains("<li id=\"fn2\">\n<p>Second. <a href=\"#fnref2\""))
        #expect(!html.contains("[^"))
    }

    @Test("a definition between two lists keeps them two lists, each tight")
    func blocksAroundStayApart() {
        let html = render("- one[^n]\n- two\n\n[^n]: Note.\n\n- three\n- four\n").html
        #expect(
            html.hasPrefix(
                "<ul>\n<li>one<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">1</a></sup></li>\n<li>two</li>\n</ul>\n<ul>\n<li>three</li>"
            ))
    }

    @Test("references number in order of first use; a second reference gets its own id; unknown labels stay text")
    func numbering() {
        let html = render("B[^second] A[^first] B again[^SECOND] none[^missing]\n\n[^first]: F.\n\n[^second]: S.\n")
            .html
        #expect(html.contains("B<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">1</a></sup>"))
        #expect(html.contains("A<sup class=\"footnote-ref\"><a href=\"#fn2\" id=\"fnref2\">2</a></sup>"))
        #expect(html.contains("again<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1-2\">1</a></sup>"))
        #expect(html.contains("none[^missing]"))
        #expect(html.contains("<li id=\"fn1\">\n<p>S. ") && html.contains("<li id=\"fn2\">\n<p>F. "))
    }

    @Test("a reference in code, in a link or in a fenced block is not one; an unused definition is not written")
    func notReferences() {
        let html = render("`[^a]` [x [^a]](/y)\n\n```\n[^a]\n```\n\n[^a]: Never used.\n").html
        #expect(!html.contains("footnote"))
        #expect(!html.contains("Never used"))
    }

    @Test("a footnote's links are reported at their own line of the file, and its screen-reader names are there")
    func linkLocations() {
        let rendered = render("Text[^1].\n\n[^1]: See\n    [the guide](/guide/).\n", lineOffset: 4)
        #expect(rendered.links.map(\.url) == ["/guide/"])
        #expect(rendered.links.first?.location.line == 8)
        #expect(rendered.html.contains("<section class=\"footnotes\" aria-label=\"Footnotes\">"))
        #expect(rendered.html.contains("aria-label=\"Back to reference 1\">↩</a></p>"))
    }

    @Test("CRLF lines and a definition at the very end of the body")
    func lineEndings() {
        let html = render("One[^x].\r\n\r\n[^x]: The end.").html
        #expect(html.contains("<li id=\"fn1\">\n<p>The end. <a href=\"#fnref1\""))
    }
}
