import Foundation
import Testing

@testable import HelpCenterKit

@Suite("Front matter")
struct FrontMatterTests {
    @Test("reads every Hugo key and keeps unknown ones for templates")
    func readsAllKeys() throws {
        let text = """
            ---
            title: Using Zoom
            description: Meeting links for bookings
            weight: 5
            slug: zoom
            draft: true
            aliases: [/old/zoom/, /zoom-help/]
            tags: zoom
            lastmod: 2026-11-25
            audience: admins
            limits: {meetings: 3}
            ---
            # Body
            """
        let document = try FrontMatterParser.parse(text, path: "a.md")
        let matter = document.frontMatter
        #expect(matter.title == "Using Zoom")
        #expect(matter.description == "Meeting links for bookings")
        #expect(matter.weight == 5)
        #expect(matter.slug == "zoom")
        #expect(matter.draft)
        #expect(matter.aliases == ["/old/zoom/", "/zoom-help/"])
        #expect(matter.tags == ["zoom"])
        #expect(matter.lastmod == Date(timeIntervalSince1970: 1_795_564_800))
        #expect(matter.params["audience"] == .string("admins"))
        #expect(matter.params["limits"] == .dictionary(["meetings": .int(3)]))
        #expect(document.body == "# Body")
        #expect(document.bodyLineOffset == 12)
    }

    @Test("defaults when only the title is given; CRLF, BOM and '...' closing are accepted")
    func defaults() throws {
        let document = try FrontMatterParser.parse("\u{FEFF}---\r\ntitle: T\r\n...\r\nText", path: "a.md")
        #expect(document.frontMatter == FrontMatter(title: "T"))
        #expect(document.body == "Text")
        #expect(document.bodyLineOffset == 3)
    }

    @Test("values take YAML's types: plain booleans, numbers and nulls; quoted text stays text")
    func valueTypes() throws {
        let text =
            "---\ntitle: T\ndraft: yes\na: on\nb: 3\nc: 2.5\nd: ~\ne: \"3\"\nf: 'true'\ng: [1, x, false]\nh:\n---\n"
        let matter = try FrontMatterParser.parse(text, path: "a.md").frontMatter
        #expect(matter.draft)
        #expect(matter.params["a"] == .bool(true))
        #expect(matter.params["b"] == .int(3))
        #expect(matter.params["c"] == .double(2.5))
        #expect(matter.params["d"] == .null)
        #expect(matter.params["e"] == .string("3"))
        #expect(matter.params["f"] == .string("true"))
        #expect(matter.params["g"] == .array([.int(1), .string("x"), .bool(false)]))
        #expect(matter.params["h"] == .null)
    }

    @Test("a date with time is accepted for lastmod")
    func dateTime() throws {
        let document = try FrontMatterParser.parse("---\ntitle: T\nlastmod: 2026-11-25T10:00:00Z\n---\n", path: "a.md")
        #expect(document.frontMatter.lastmod == Date(timeIntervalSince1970: 1_795_564_800 + 36_000))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(
            name: "no front matter",
            text: "# Just Markdown\n",
            expected: [
                "a.md:1:1: error: missing front matter: start the file with a '---' line, then YAML with at least "
                    + "'title: ...', then another '---' line"
            ]),
        Failure(
            name: "unclosed block",
            text: "---\ntitle: T\n# Body\n",
            expected: [
                "a.md:1:1: error: front matter is not closed: add a '---' line after the YAML block that starts here"
            ]),
        Failure(
            name: "bad YAML",
            text: "---\ntitle: T\ntags: [a, b\n---\n",
            expected: [
                "a.md:4:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"
            ]),
        Failure(
            name: "missing title",
            text: "---\ndescription: D\n---\n",
            expected: [
                "a.md:2:1: error: missing 'title': add a line like 'title: A' (the page's title, as readers will see it) to the front matter"
            ]
        ),
        Failure(
            name: "empty front matter",
            text: "---\n---\nBody\n",
            expected: [
                "a.md:2:1: error: missing 'title': add a line like 'title: A' (the page's title, as readers will see it) to the front matter"
            ]
        ),
        Failure(
            name: "empty title",
            text: "---\ntitle: \"  \"\n---\n",
            expected: ["a.md:2:8: error: 'title' is empty: give the page a title"]),
        Failure(
            name: "title is a list",
            text: "---\ntitle: [a]\n---\n",
            expected: ["a.md:2:8: error: 'title' must be text, found a list"]),
        Failure(
            name: "not a mapping",
            text: "---\n- a\n- b\n---\n",
            expected: ["a.md:2:1: error: expected 'key: value' lines, found a list"]),
        Failure(
            name: "duplicate key",
            text: "---\ntitle: A\ntitle: B\n---\n",
            expected: ["a.md:2:1: error: duplicate key 'title': keep one of them"]),
        Failure(
            name: "a key written plain and quoted",
            text: "---\ntitle: A\n1: a\n\"1\": b\n---\n",
            expected: ["a.md:3:1: error: duplicate key '1': keep one of them"]),
        Failure(
            name: "wrong types, all reported",
            text: "---\ntitle: T\nweight: heavy\ndraft: maybe\naliases: {a: b}\nlastmod: yesterday\nslug: ../x\n---\n",
            expected: [
                "a.md:3:9: error: 'weight' must be a whole number, found 'heavy'",
                "a.md:4:8: error: 'draft' must be true or false, found 'maybe'",
                "a.md:5:10: error: 'aliases' must be a list of text values, found nested 'key: value' lines",
                "a.md:6:10: error: 'lastmod' must be a date like 2026-11-25 or 2026-11-25T10:00:00Z, found 'yesterday'",
                "a.md:7:7: error: 'slug' must be one URL segment of letters, digits, '-', '_' or '.', found '../x'",
            ]),
        Failure(
            name: "list of lists in tags",
            text: "---\ntitle: T\ntags: [[a]]\n---\n",
            expected: ["a.md:3:8: error: 'tags' must be a list of text values, found a list in it"]),
        Failure(
            name: "impossible date",
            text: "---\ntitle: T\nlastmod: 2026-02-30\n---\n",
            expected: [
                "a.md:3:10: error: 'lastmod' must be a date like 2026-11-25 or 2026-11-25T10:00:00Z, found '2026-02-30'"
            ]),
    ]

    @Test("each error names file, line, column and what to do", arguments: failures)
    func errors(_ failure: Failure) {
        #expect {
            _ = try FrontMatterParser.parse(failure.text, path: "a.md")
        } throws: { error in
            let messages = (error as? HelpCenterError)?.diagnostics.map(\.description)
            #expect(messages == failure.expected)
            return messages == failure.expected
        }
    }
}
