import Foundation
import Testing
import WebDriver

/// A keyboard user's first steps: the skip link is the first Tab stop, shows when focused and
/// moves focus to the content; the search box is reached by Tab on every page that has one.
@Suite("Keyboard reach in Chromium", .serialized)
struct KeyboardReachTests {
    @Test("the skip link comes first, shows on focus and moves focus to the main content", arguments: [390, 1280])
    func skipLink(width: Int) async throws {
        try await BrowserSite.withBrowser { base, session in
            try session.setWindowSize(width: width, height: 900)
            for page in BrowserSite.pages where page.ready == nil {
                try session.navigate(to: base + page.path)
                try session.press([.tab])
                let first = try session.focusedElement()
                #expect(first["text"]?.string == "Skip to content", "first Tab stop on \(page.path): \(first)")
                #expect(first["visible"]?.bool == true, "the skip link is not visible when focused on \(page.path)")
                #expect(first["outline"]?.string != "none", "no focus outline on the skip link on \(page.path)")
                try session.press([.enter])
                let target = try session.focusedElement()
                #expect(target["id"]?.string == "main", "Enter on the skip link focused \(target) on \(page.path)")
            }
        }
    }

    @Test("the search box is reached by Tab on every page and shows where focus is", arguments: [390, 1280])
    func searchBox(width: Int) async throws {
        try await BrowserSite.withBrowser { base, session in
            try session.setWindowSize(width: width, height: 900)
            for page in BrowserSite.pages where page.ready == nil {
                try session.navigate(to: base + page.path)
                let box = page.kind == "search" ? "search-query" : "header-search"
                var stops: [String] = []
                var reached: JSONValue?
                for _ in 0..<15 {
                    try session.press([.tab])
                    let focused = try session.focusedElement()
                    stops.append(
                        focused["text"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "#\(focused["id"]?.string ?? "?")")
                    if focused["id"]?.string == box {
                        reached = focused
                        break
                    }
                }
                #expect(reached != nil, "#\(box) not reached by 15 Tabs on \(page.path); stops: \(stops)")
                #expect(reached?["visible"]?.bool == true, "#\(box) is focused but not on screen on \(page.path)")
                #expect(reached?["outline"]?.string != "none", "#\(box) shows no focus outline on \(page.path)")
                #expect(reached?["label"]?.string?.isEmpty == false, "#\(box) has no label on \(page.path)")
            }
        }
    }
}
