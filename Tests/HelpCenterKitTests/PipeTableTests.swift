import Testing

@testable import HelpCenterKit

/// Pipe tables beyond the GFM examples: where their links are, cells that look like blocks,
/// tables inside containers and after a paragraph's first lines.
@Suite("Pipe tables")
struct PipeTableTests {
    func render(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(options: MarkdownOptions(path: "a.md", lineOffset: 3)).render(markdown)
    }

    @Test("a link in a cell is checked at its own line and column of the file")
    func linkLocation() {
        let rendered = render("Intro.\n\n| A | B |\n|---|---|\n| x | see [refunds](../billing/refunds.md) |\n")
        #expect(rendered.links.map(\.url) == ["../billing/refunds.md"])
        #expect(rendered.links.first?.location.description == "a.md:8:11")
    }

    @Test("a cell that looks like a block is inline text")
    func blockLookingCells() {
        let html = render("| a | b | c | d |\n|---|---|---|---|\n| # x | - y | 1. z | > q |\n").html
        #expect(html.contains("<td># x</td>\n<td>- y</td>\n<td>1. z</td>\n<td>&gt; q</td>"), "\(html)")
    }

    @Test("tables in a block quote and in a list item")
    func inContainers() {
        let quoted = render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n").html
        #expect(quoted.hasPrefix("<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>"), "\(quoted)")
        #expect(quoted.contains("<td>1</td>\n<td>2</td>"))
        let listed = render("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n").html
        #expect(listed.contains("<li>\n<p>item</p>\n<table>\n<thead>"), "\(listed)")
        #expect(listed.contains("<td>1</td>\n<td>2</td>"))
    }

    @Test("lines before the header row stay a paragraph")
    func leadingParagraph() {
        let html = render("Plans *compared*:\n| a | b |\n|---|---|\n| 1 | 2 |\n").html
        #expect(html.hasPrefix("<p>Plans <em>compared</em>:</p>\n<table>\n"), "\(html)")
    }

    @Test("strikethrough in one cell strikes that cell only, however many cells follow")
    func struckCell() {
        let rows = (0..<50).map { "| x\($0) | y\($0) |" }.joined(separator: "\n")
        let html = render("| a | b |\n|---|---|\n| ~~gone~~ | kept |\n" + rows + "\n").html
        #expect(html.contains("<td><del>gone</del></td>\n<td>kept</td>"), "\(html)")
        #expect(html.components(separatedBy: "<del>").count == 2, "\(html)")
    }

    @Test("without a delimiter row of as many cells, pipes are text")
    func notATable() {
        #expect(render("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
        #expect(render("| a | b |\n| --- |\n").html == "<p>| a | b |\n| --- |</p>\n")
    }
}
