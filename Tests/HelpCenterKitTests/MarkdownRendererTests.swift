import Testing

@testable import HelpCenterKit

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    func render(_ markdown: String, unsafe: Bool = false, lineOffset: Int = 0) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions(unsafeHTML: unsafe, path: "a.md", lineOffset: lineOffset))
            .render(markdown)
    }

    @Test(
        "headings get ids from their text",
        arguments: [
            ("## Connecting Zoom", #"<h2 id="connecting-zoom">Connecting Zoom</h2>"#),
            ("### How Zoom Is Used", #"<h3 id="how-zoom-is-used">How Zoom Is Used</h3>"#),
            ("## Using `curl` & *you*", #"<h2 id="using-curl--you">Using <code>curl</code> &amp; <em>you</em></h2>"#),
            ("## Zoom’s app — déjà vu", #"<h2 id="zooms-app--déjà-vu">Zoom’s app — déjà vu</h2>"#),
            ("## ???", #"<h2 id="section">???</h2>"#),
        ])
    func headingIDs(markdown: String, html: String) {
        #expect(render(markdown).html == html + "\n")
    }

    @Test("duplicate headings get -1, -2; a custom {#id} is kept and removed from the text")
    func duplicateAndCustomIDs() {
        let result = render("## Setup\n\n## Setup\n\n## Setup\n\n## Connecting Zoom {#connect}\n")
        #expect(result.headings.map(\.id) == ["setup", "setup-1", "setup-2", "connect"])
        #expect(result.headings.last?.text == "Connecting Zoom")
        #expect(result.html.contains(#"<h2 id="connect">Connecting Zoom</h2>"#))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("100,000 headings with the same text get unique ids, and literal '-1' headings never collide")
    func manyDuplicates() {
        let markdown = String(repeating: "## Setup\n", count: 100_000) + "## Setup 1\n"
        let ids = render(markdown).headings.map(\.id)
        #expect(ids.count == 100_001)
        #expect(Set(ids).count == 100_001)
        #expect(ids[0] == "setup" && ids[1] == "setup-1" && ids[99_999] == "setup-99999")
        #expect(ids.last == "setup-1-1")
    }

    @Test("a repeated custom id is an error at the heading")
    func repeatedCustomID() {
        let result = render("## A {#x}\n\n## B {#x}\n", lineOffset: 4)
        #expect(
            result.diagnostics.map(\.description) == [
                "a.md:7:1: error: heading id 'x' is already used on this page: choose another {#id}"
            ])
    }

    @Test("the table of contents holds h2 and h3 only, in order, with levels")
    func tableOfContents() {
        let result = render("# Title\n## A\n### B\n#### C\n## D\n")
        #expect(result.tableOfContents.map(\.text) == ["A", "B", "D"])
        #expect(result.tableOfContents.map(\.level) == [2, 3, 2])
    }

    @Test("a block quote starting with bold text ending in a colon is a callout")
    func callout() {
        let result = render("> **Quick overview:** It works.\n")
        #expect(
            result.html == """
                <aside class="callout callout-quick-overview" role="note">
                <p><strong>Quick overview:</strong> It works.</p>
                </aside>

                """)
    }

    @Test(
        "other block quotes stay block quotes",
        arguments: ["> **Bold** text: here\n", "> Plain: text\n", "> *Note:* emphasis is not bold\n"])
    func notCallout(markdown: String) {
        #expect(render(markdown).html.hasPrefix("<blockquote>\n"))
    }

    @Test("raw HTML is omitted by default and passed through when unsafe")
    func rawHTML() {
        let markdown = "<div onclick=\"x()\">hi</div>\n\na <script>alert(1)</script> b\n"
        #expect(
            render(markdown).html
                == "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> b</p>\n")
        #expect(
            render(markdown, unsafe: true).html
                == "<div onclick=\"x()\">hi</div>\n<p>a <script>alert(1)</script> b</p>\n")
    }

    @Test("script URLs are dropped unless unsafe; raster data images pass")
    func dangerousURLs() {
        #expect(render("[x](javascript:alert(1))").html == "<p><a href=\"\">x</a></p>\n")
        #expect(render("[x](JAVASCRIPT:alert(1))").html == "<p><a href=\"\">x</a></p>\n")
        #expect(
            render("![x](data:image/png;base64,AA)").html
                == "<p><img src=\"data:image/png;base64,AA\" alt=\"x\" /></p>\n")
        #expect(render("[x](javascript:go)", unsafe: true).html == "<p><a href=\"javascript:go\">x</a></p>\n")
    }

    @Test("an inline claim marker claims its list item, invisibly, at the marker's line")
    func inlineClaim() {
        let result = render(
            "Intro\n\n1. First\n2. You will be redirected <!-- claim: connect.redirect-to-zoom -->\n", lineOffset: 5)
        #expect(result.html == "<p>Intro</p>\n<ol>\n<li>First</li>\n<li>You will be redirected</li>\n</ol>\n")
        #expect(
            result.claims == [
                Claim(
                    id: "connect.redirect-to-zoom", isManual: false, text: "You will be redirected",
                    location: SourceLocation(path: "a.md", line: 9, column: 27))
            ])
    }

    @Test("a marker on its own line claims the next block; 'manual' is read")
    func blockClaim() {
        let result = render("<!-- claim: disconnect.tokens-invalidated manual -->\nTokens are\ninvalidated.\n")
        #expect(result.html == "<p>Tokens are\ninvalidated.</p>\n")
        #expect(result.claims.map(\.id) == ["disconnect.tokens-invalidated"])
        #expect(result.claims.first?.isManual == true)
        #expect(result.claims.first?.text == "Tokens are invalidated.")
        #expect(result.claims.first?.flow == "disconnect")
    }

    @Test("a marker in the middle of a paragraph leaves one space and claims the paragraph")
    func midParagraphClaim() {
        let result = render("One. <!-- claim: data.one --> Two. <!-- claim: data.two -->\n")
        #expect(result.html == "<p>One. Two.</p>\n")
        #expect(result.claims.map(\.text) == ["One. Two.", "One. Two."])
    }

    @Test("claim markers stay invisible when raw HTML is allowed")
    func claimsHiddenWhenUnsafe() {
        let result = render("Text <!-- claim: data.x -->\n\n<!-- other comment -->\n", unsafe: true)
        #expect(result.html == "<p>Text</p>\n<!-- other comment -->\n")
        #expect(result.claims.count == 1)
    }

    @Test(
        "malformed markers, duplicates and dangling markers are errors",
        arguments: [
            (
                "x <!-- claim: Connect -->",
                "a.md:1:3: error: claim id 'Connect' is not valid: use lower-case words "
                    + "joined by '-', with the flow first and a dot after it, like 'connect.redirect-to-zoom'"
            ),
            (
                "x <!-- claim: -->",
                "a.md:1:3: error: claim marker without an id: write <!-- claim: flow.name --> or <!-- claim: flow.name manual -->"
            ),
            (
                "x <!-- claim: a.b later -->",
                "a.md:1:3: error: unexpected text after claim id 'a.b': write <!-- claim: flow.name --> or "
                    + "<!-- claim: flow.name manual -->"
            ),
            (
                "x <!-- claims a.b -->",
                "a.md:1:3: error: malformed claim marker: write <!-- claim: flow.name --> or <!-- claim: flow.name manual -->"
            ),
            (
                "x <!-- claim: a.b -->\n\ny <!-- claim: a.b -->",
                "a.md:3:3: error: duplicate claim id 'a.b' (first used at a.md:1:3): give each claim its own id"
            ),
            (
                "Text\n\n<!-- claim: a.b -->\n",
                "a.md:3:1: error: claim 'a.b' has no block after it to claim: put the marker at the end of the sentence "
                    + "it claims, or on the line just before its paragraph"
            ),
        ])
    func claimErrors(markdown: String, message: String) {
        let result = render(markdown)
        #expect(result.diagnostics.map(\.description) == [message])
        #expect(!result.html.contains("claim"))
    }

    @Test("the mailto autolink and lists render as cmark does")
    func cmarkParity() {
        #expect(
            render("contact <care@valhallgames.net>.").html
                == "<p>contact <a href=\"mailto:care@valhallgames.net\">care@valhallgames.net</a>.</p>\n")
        #expect(render("3. a\n4. b\n").html == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
    }
}
