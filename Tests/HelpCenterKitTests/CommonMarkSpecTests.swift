import Foundation
import Testing

@testable import HelpCenterKit

/// The 652 examples of CommonMark 0.30 (the version of Debian's cmark 0.30.2) through our
/// renderer. The only differences allowed are our additions, removed before comparing:
/// heading `id`s and callout `<aside>`s.
@Suite("CommonMark 0.30 conformance")
struct CommonMarkSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var number: Int
        var section: String
        var markdown: String
        var html: String
        var testDescription: String { "example \(number) (\(section))" }
    }

    static let examples: [Example] = {
        guard let url = Bundle.module.url(forResource: "spec-0.30", withExtension: "txt", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return parse(text)
    }()

    static func parse(_ spec: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = spec.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop(while: { $0 == "#" || $0 == " " }).description }
            guard line.hasPrefix(fence + " example") else { continue }
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let body = lines.popFirst(), body != fence {
                if body == "." && !inHTML {
                    inHTML = true
                } else if inHTML {
                    html.append(body)
                } else {
                    markdown.append(body)
                }
            }
            func join(_ part: [Substring]) -> String {
                part.isEmpty ? "" : part.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            }
            examples.append(
                Example(number: examples.count + 1, section: section, markdown: join(markdown), html: join(html)))
        }
        return examples
    }

    @Test("the spec file has all 652 examples")
    func allExamplesFound() {
        #expect(Self.examples.count == 652)
    }

    @Test("each example renders as the spec says", arguments: examples)
    func conforms(_ example: Example) {
        let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true, gfm: false)).render(example.markdown)
            .html
        #expect(Self.withoutAdditions(html) == example.html, "markdown: \(example.markdown.debugDescription)")
    }

    /// GFM's extensions only add: with them on, the examples that differ are exactly those
    /// where a bare URL or address becomes a link, as in cmark-gfm.
    @Test("with GFM's extensions on, only the 5 examples with a bare URL or email address differ")
    func extensionsOnlyAdd() {
        let differing = Self.examples.filter { example in
            let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
            return Self.withoutAdditions(html) != example.html
        }
        #expect(differing.map(\.number) == [601, 605, 607, 610, 611])
        for example in differing {
            let html = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(example.markdown).html
            #expect(html.contains("<a href=\"http") || html.contains("<a href=\"mailto:"), "\(example.number): \(html)")
        }
    }

    /// Strips what we add on purpose so the rest must match cmark byte for byte.
    static func withoutAdditions(_ html: String) -> String {
        var result = html.replacingOccurrences(
            of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        result = result.replacingOccurrences(
            of: #"<aside class="callout[^"]*" role="note">"#, with: "<blockquote>", options: .regularExpression)
        return result.replacingOccurrences(of: "</aside>", with: "</blockquote>")
    }
}
