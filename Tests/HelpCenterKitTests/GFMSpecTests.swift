import Foundation
import Testing

@testable import HelpCenterKit

/// GitHub Flavored Markdown's extension examples through our renderer: the spec's own
/// (`example table`, …) and cmark-gfm's extension test file, both in `Fixtures/gfm` with their
/// provenance. The only differences allowed are our additions (heading ids, callouts, a task
/// checkbox's accessible name) and a cell's alignment as a class instead of HTML's obsolete
/// `align` attribute.
@Suite("GitHub Flavored Markdown extensions")
struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var number: Int
        var kind: String
        var markdown: String
        var html: String
        var testDescription: String { "\(file) example \(number) (\(kind))" }
    }

    /// Every example of both files, each with its kind: the fence's word in the spec, the
    /// section in the extension tests.
    static let examples: [Example] = {
        ["gfm-spec-0.29-extension-examples", "gfm-extensions-tests"].flatMap { name -> [Example] in
            guard
                let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/gfm"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { return [] }
            // Each `## ` section is one kind; `###` subsections stay in it.
            var examples: [Example] = []
            for chunk in text.split(separator: "\n## ") {
                let kind = chunk.prefix { $0 != "\n" }.drop { $0 == "#" || $0 == " " }.lowercased()
                for example in CommonMarkSpecTests.parse(String(chunk)) {
                    examples.append(
                        Example(
                            file: name, number: examples.count + 1, kind: kind, markdown: example.markdown,
                            html: example.html))
                }
            }
            return examples
        }
    }()

    static func examples(_ kinds: Set<String>) -> [Example] {
        examples.filter { kinds.contains($0.kind) }
    }

    @Test("the fixtures hold the spec's 8 table examples and the extension file's tables")
    func found() {
        #expect(Self.examples(["tables (extension)"]).filter { $0.file.hasPrefix("gfm-spec") }.count == 8)
        #expect(Self.examples(["tables"]).count == 16)
    }

    @Test("the fixtures hold the strikethrough examples: the spec's 2 and the extension file's 2")
    func strikethroughFound() {
        #expect(Self.examples(["strikethrough (extension)", "strikethroughs"]).count == 4)
    }

    @Test(
        "strikethrough renders as cmark-gfm renders it",
        arguments: examples(["strikethrough (extension)", "strikethroughs"]))
    func strikethrough(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
        #expect(Self.normalized(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    @Test("pipe tables render as cmark-gfm renders them", arguments: examples(["tables (extension)", "tables"]))
    func tables(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
        #expect(Self.normalized(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    @Test(
        "the fixtures hold the autolink examples (the spec's 11, the extension file's 3 and its 2 of interop) and the 3 task lists"
    )
    func autolinksAndTaskListsFound() {
        #expect(Self.examples(["autolinks (extension)"]).count == 11)
        #expect(Self.examples(["autolinks"]).count == 3)
        #expect(Self.examples(["interop"]).count == 2)
        #expect(Self.examples(["task lists"]).count == 3)
    }

    @Test(
        "bare URLs, www. and email addresses link as cmark-gfm links them",
        arguments: examples(["autolinks (extension)", "autolinks", "interop"]))
    func autolinks(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
        // `<IGNORE>`: the example only asks that rendering ends.
        guard example.html != "<IGNORE>\n" else { return #expect(!html.isEmpty) }
        #expect(Self.normalized(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    @Test("task list items render with cmark-gfm's disabled checkboxes", arguments: examples(["task lists"]))
    func taskLists(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
        #expect(Self.normalized(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    @Test("the fixtures hold the extension file's footnote example")
    func footnotesFound() {
        #expect(Self.examples(["footnotes"]).count == 1)
    }

    @Test("footnotes render as cmark-gfm renders them", arguments: examples(["footnotes"]))
    func footnotes(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
        #expect(Self.normalized(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    /// Our additions taken out, so the rest must match cmark-gfm byte for byte.
    static func normalized(_ html: String) -> String {
        CommonMarkSpecTests.withoutAdditions(html).replacingOccurrences(
            of: #" class="align-(left|center|right)""#, with: #" align="$1""#, options: .regularExpression
        ).replacingOccurrences(
            of: #" aria-label="((not )?done|Footnotes|Back to reference [0-9]+)""#, with: "",
            options: .regularExpression)
    }
}
