import HelpCenterKit

extension FuzzEntry {
    /// The path every front matter diagnostic must name.
    static let frontMatterPath = "Content/fuzz/page.md"

    /// Front matter: fence splitting (BOM, CRLF, `...` closers), YAML through Yams, and the
    /// typed fields (title, weight, slug, dates, aliases, params with anchors and aliases).
    ///
    /// Bytes are read as `SourceFileReader` does: valid UTF-8 as is; invalid UTF-8 is refused
    /// there, so it is also decoded with replacement characters to reach the parser.
    public static func frontMatter(_ bytes: [UInt8]) {
        if let text = String(validating: bytes, as: UTF8.self) {
            parseFrontMatter(text)
        } else {
            parseFrontMatter(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func parseFrontMatter(_ text: String) {
        do {
            let document = try FrontMatterParser.parse(text, path: frontMatterPath)
            invariant(document.bodyLineOffset >= 2, "body starts after two fences, got \(document.bodyLineOffset)")
            invariant(document.body.utf8.count <= text.utf8.count, "body longer than the file")
        } catch {
            invariant(!error.diagnostics.isEmpty, "a HelpCenterError without diagnostics")
            for diagnostic in error.diagnostics {
                invariant(
                    diagnostic.location.path == frontMatterPath,
                    "diagnostic names '\(diagnostic.location.path)', not the file: \(diagnostic)")
                invariant((diagnostic.location.line ?? 1) >= 1, "diagnostic line below 1: \(diagnostic)")
                invariant((diagnostic.location.column ?? 1) >= 1, "diagnostic column below 1: \(diagnostic)")
            }
        }
    }
}
