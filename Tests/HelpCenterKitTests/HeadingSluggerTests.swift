import TestSupport
import Testing

@testable import HelpCenterKit

/// The byte-wise slug for ASCII headings must be the `Character`-based one, for every ASCII text.
@Suite("Heading slugs")
struct HeadingSluggerTests {
    @Test(
        "ASCII headings slug the same byte by byte as by Character",
        arguments: [
            "Connecting Zoom", "How Zoom Is Used", "  --Already--dashed__words  ", "Step 1: Do it!", "",
            "???", "a\r\nb", "tab\tand\u{0B}vertical\u{0C}feed", "CamelCase 123 ABC", "x-y_z w",
        ])
    func examples(text: String) throws {
        #expect(HeadingSlugger.asciiSlug(text) == HeadingSlugger.unicodeSlug(text))
    }

    @Test("every ASCII character, in random headings")
    func allASCII() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let length = Int(random.next() % 24)
            let text = String(
                decoding: (0..<length).map { _ in UInt8(random.next() % 128) }, as: UTF8.self)
            #expect(HeadingSlugger.asciiSlug(text) == HeadingSlugger.unicodeSlug(text), "\(Array(text.utf8))")
        }
    }

    @Test("anything beyond ASCII takes the general path")
    func unicode() {
        #expect(HeadingSlugger.asciiSlug("Zoom’s app — déjà vu") == nil)
        #expect(HeadingSlugger.slug("Zoom’s app — déjà vu") == "zooms-app--déjà-vu")
    }

    /// Hugo's own ids for these (Goldmark, `autoHeadingIDType: github`), so anchors into a site
    /// moved over from Hugo keep working.
    @Test(
        "ids are Hugo's: each space or hyphen a hyphen, underscores kept, other punctuation dropped",
        arguments: [
            ("A & B", "a--b"), ("snake_case option", "snake_case-option"), ("--verbose flag", "--verbose-flag"),
            ("Step 1: Do it!", "step-1-do-it"), ("Using Zoom with valhallgames.net", "using-zoom-with-valhallgamesnet"),
            ("Ünïcode Überschrift", "ünïcode-überschrift"), ("???", "section"),
        ])
    func hugoIDs(text: String, id: String) {
        #expect(HeadingSlugger.slug(text) == id)
    }
}
