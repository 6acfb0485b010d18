import Testing

@testable import HelpCenterKit

/// GitHub's alerts (not in the GFM spec, so checked against GitHub's documented syntax) and how
/// autolinks meet the rest of a help center page: links the writer wrote, code, `check`.
@Suite("Alerts and autolinks on a page")
struct AlertAndAutolinkTests {
    func render(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions(path: "a.md")).render(markdown)
    }

    @Test("each of GitHub's five alerts is a callout of its kind, labelled for assistive technology")
    func alerts() {
        for (marker, title) in [
            ("NOTE", "Note"), ("TIP", "Tip"), ("IMPORTANT", "Important"), ("WARNING", "Warning"),
            ("caution", "Caution"),
        ] {
            let html = render("> [!\(marker)]\n> Back up *first*.\n").html
            #expect(
                html == """
                    <aside class="callout callout-\(title.lowercased())" role="note" aria-label="\(title)">
                    <p class="callout-title" aria-hidden="true">\(title)</p>
                    <p>Back up <em>first</em>.</p>
                    </aside>

                    """)
        }
    }

    @Test("an alert whose marker stands alone keeps the paragraphs after it; other quotes stay quotes")
    func alertShapes() {
        let alone = render("> [!WARNING]\n>\n> One.\n>\n> Two.\n").html
        #expect(!alone.contains("<p></p>") && !alone.contains("[!WARNING]"))
        #expect(alone.contains("<p>One.</p>\n<p>Two.</p>\n</aside>"))
        #expect(render("> [!NOTICE]\n> Not a kind GitHub has.\n").html.hasPrefix("<blockquote>\n<p>[!NOTICE]"))
        #expect(render("> [!NOTE] same line\n").html.hasPrefix("<blockquote>"))
        #expect(render("- > [!NOTE]\n  > In a list.\n").html.contains("<blockquote>"))
        #expect(
            render("> **Quick overview:** still the site's callout.\n").html.hasPrefix(
                "<aside class=\"callout callout-quick-overview\""))
    }

    @Test("a bare URL inside a written link, in code or in an image's text is not linked again")
    func notTwice() {
        #expect(
            render("[see https://a.example/x](https://b.example/)\n").html
                == "<p><a href=\"https://b.example/\">see https://a.example/x</a></p>\n")
        #expect(render("`https://a.example/x`\n").html == "<p><code>https://a.example/x</code></p>\n")
        #expect(render("    https://a.example/x\n").html == "<pre><code>https://a.example/x\n</code></pre>\n")
        #expect(render("![www.example.com](i.png)\n").html == "<p><img src=\"i.png\" alt=\"www.example.com\" /></p>\n")
    }

    @Test("autolinks are links check sees, at their line; text around them keeps its escaping")
    func recorded() {
        let rendered = render("Intro.\n\nWrite to help@example.com or see www.example.com/a?b=1&c=<2>.\n")
        #expect(rendered.links.map(\.url) == ["mailto:help@example.com", "http://www.example.com/a?b=1&c="])
        #expect(rendered.links.allSatisfy { $0.location.line == 3 })
        #expect(
            rendered.html.hasSuffix(
                "<a href=\"http://www.example.com/a?b=1&amp;c=\">www.example.com/a?b=1&amp;c=</a>&lt;2&gt;.</p>\n"))
    }

    @Test("a task list item in a loose list keeps its checkbox inside the paragraph, named for screen readers")
    func looseTask() {
        #expect(
            render("- [x] Done\n\n- [ ] To do\n").html
                == "<ul>\n<li>\n<p><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> Done</p>\n</li>\n<li>\n<p><input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" /> To do</p>\n</li>\n</ul>\n"
        )
    }
}
