import DocVerify
import Foundation

/// One Chromium for the seed runs of this test process, taken by one walk at a time and
/// stopped when the process exits; runs that judge other claims leave the screens out.
enum SharedBrowser {
    private static let browser = ScreenBrowser()
    private static let stopAtExit: Void = {
        atexit { SharedBrowser.browser.stop() }
    }()

    /// The steps in the product's screens taken in the shared Chromium.
    static var screens: ScreenOptions {
        stopAtExit
        return ScreenOptions(mode: .browser(browser))
    }

    /// The steps in the product's screens not taken: blocked, for runs about the other claims.
    static let withoutScreens = ScreenOptions(
        mode: .off(reason: "not taken in this test: it is about the other claims"))
}
