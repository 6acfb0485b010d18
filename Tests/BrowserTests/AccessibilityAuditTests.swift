import Foundation
import Testing
import WebDriver

/// axe-core on every kind of page, in both colour schemes, at a phone's and a desktop's width,
/// plus the contrast of what axe does not measure (control edges, placeholders, highlights).
@Suite("Accessibility audit in Chromium", .serialized)
struct AccessibilityAuditTests {
    static let widths = [390, 1280]

    @Test("axe-core 4.12.1 finds no violation on any page, light or dark, at 390 or 1280 px")
    func axeFindsNothing() async throws {
        let axe = try AxeCore.script()
        try await BrowserSite.withBrowser { base, session in
            var findings: [String] = []
            var audits = 0
            for width in Self.widths {
                try session.setWindowSize(width: width, height: 900)
                for dark in [false, true] {
                    try session.emulateColorScheme(dark: dark)
                    for page in BrowserSite.pages {
                        let view = "\(page.kind) \(page.path) at \(width) px, \(dark ? "dark" : "light")"
                        findings += try Self.audit(
                            base + page.path, ready: page.ready, view: view, axe: axe, in: session)
                        findings += try Self.checkView(width: width, dark: dark, view: view, in: session)
                        audits += 1
                    }
                }
            }
            #expect(audits == BrowserSite.pages.count * 4)
            #expect(findings.isEmpty, "\(findings.count) accessibility findings:\n\(findings.joined(separator: "\n"))")
        }
    }

    @Test("the contrast figures axe does not measure are at WCAG's minimums in both schemes")
    func nonTextContrast() async throws {
        try await BrowserSite.withBrowser { base, session in
            var measured: [String] = []
            var failures: [String] = []
            for dark in [false, true] {
                try session.emulateColorScheme(dark: dark)
                for path in ["/", "/search/?q=revoke"] {
                    try session.navigate(to: base + path)
                    if path.contains("q=") {
                        #expect(
                            try BrowserSite.wait(for: "return document.querySelector('mark') !== null", in: session))
                    }
                    for figure in try session.execute(NonTextContrast.script).array ?? [] {
                        let ratio = figure["ratio"]?.number ?? 0
                        let minimum = figure["minimum"]?.number ?? 0
                        let line = "\(dark ? "dark" : "light") \(path): \(figure["what"]?.string ?? "?") \(ratio):1"
                        measured.append(line)
                        if ratio < minimum { failures.append(line + " (needs \(minimum):1)") }
                    }
                }
            }
            print("contrast figures:\n" + measured.joined(separator: "\n"))
            // Both schemes: header box on both pages, search-page box, highlight and its text.
            #expect(measured.count >= 2 * 5, "contrast figures: \(measured)")
            #expect(failures.isEmpty, "below WCAG's minimum:\n\(failures.joined(separator: "\n"))")
        }
    }

    /// One page in one view: axe's violations, each as a line naming the view, the rule and where.
    static func audit(
        _ url: String, ready: String?, view: String, axe: String, in session: WebDriverSession
    ) throws -> [String] {
        try session.navigate(to: url)
        if let ready, try !BrowserSite.wait(for: ready, in: session) {
            return ["\(view): the page never became ready (\(ready))"]
        }
        // Everything a reader can open is audited open.
        try session.execute("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        try session.execute(axe)
        let result = try session.executeAsync(AxeCore.runScript)
        if let error = result["error"]?.string { return ["\(view): axe-core failed: \(error)"] }
        guard result["version"]?.string == AxeCore.version else {
            return ["\(view): axe-core \(result["version"]?.string ?? "?") loaded, \(AxeCore.version) expected"]
        }
        return (result["violations"]?.array ?? []).map { violation in
            let nodes = (violation["nodes"]?.array ?? []).compactMap(\.string).joined(separator: "; ")
            return "\(view): \(violation["id"]?.string ?? "?") (\(violation["impact"]?.string ?? "?")): "
                + "\(violation["help"]?.string ?? "") at \(nodes)"
        }
    }

    /// The emulation really took: an audit of the wrong view would prove nothing.
    static func checkView(width: Int, dark: Bool, view: String, in session: WebDriverSession) throws -> [String] {
        let shown = try session.execute(
            "return {width: innerWidth, dark: matchMedia('(prefers-color-scheme: dark)').matches}")
        guard shown["width"]?.number == Double(width), shown["dark"]?.bool == dark else {
            return ["\(view): the browser showed \(shown), not the view asked for"]
        }
        return []
    }
}
