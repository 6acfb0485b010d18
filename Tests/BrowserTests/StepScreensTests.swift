import Foundation
import Testing
import WebDriver

/// The screens of the article's steps as a reader meets them: a small thumbnail under the step
/// that loads, and opens the full-size picture.
@Suite("Step screens in Chromium", .serialized)
struct StepScreensTests {
    static let firstThumbnail = """
        const link = document.querySelector("a.step-screen"); const img = link?.querySelector("img");
        if (!img) return null; img.scrollIntoView({block: "center"});
        return {href: link.href, alt: img.alt, loaded: img.complete && img.naturalWidth > 0,
                natural: img.naturalWidth, shown: img.getBoundingClientRect().width, count: document.querySelectorAll("a.step-screen").length};
        """

    @Test("a step's thumbnail loads small, within the page on a phone, and opens full size", arguments: [390, 1280])
    func thumbnail(width: Int) async throws {
        try await BrowserSite.withBrowser { base, session in
            try session.setWindowSize(width: width, height: 900)
            try session.emulateColorScheme(dark: width == 390)
            try session.navigate(to: base + "/integrations/using-zoom/")
            #expect(
                try BrowserSite.wait(
                    for: "const i = document.querySelector('a.step-screen img'); i.scrollIntoView(); "
                        + "return i.complete && i.naturalWidth > 0", in: session))
            let thumbnail = try session.execute(Self.firstThumbnail)
            #expect(thumbnail["count"]?.number == 9)
            #expect(thumbnail["alt"]?.string == "Log in to your valhallgames.net account")
            #expect(thumbnail["loaded"]?.bool == true)
            let natural = try #require(thumbnail["natural"]?.number)
            let shown = try #require(thumbnail["shown"]?.number)
            #expect(natural == 1280, "the picture is the full screen")
            #expect(shown <= 290 && shown < Double(width) - 40, "shown \(shown) px wide in a \(width) px window")

            let href = try #require(thumbnail["href"]?.string)
            let link = try session.execute("return document.querySelector('a.step-screen')")
            try session.click(element: try #require(WebDriverSession.elementID(link)))
            #expect(try session.currentURL() == href)
            let full = try session.execute(
                "const i = document.images[0]; return i ? {w: i.naturalWidth, type: document.contentType} : null")
            #expect(full["w"]?.number == 1280 && full["type"]?.string == "image/png", "\(full)")
        }
    }
}
