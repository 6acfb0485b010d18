import Foundation

/// How a run takes the steps in the product's screens.
public struct ScreenOptions: Sendable {
    public enum Mode: Sendable {
        /// In Chromium: the given browser (its owner stops it), or one the run starts and stops.
        case browser(ScreenBrowser?)
        /// Not taken: such claims are blocked with this reason (runs that judge other claims).
        case off(reason: String)
    }

    public var mode: Mode
    /// Where each step's screenshot is written (`<claim id>.png`); `nil` takes none.
    public var screenshots: URL?
    /// The deployed product instead of the screens the backend serves (`verify --app-url`).
    public var app: ProductScreens?

    public init(mode: Mode = .browser(nil), screenshots: URL? = nil, app: ProductScreens? = nil) {
        self.mode = mode
        self.screenshots = screenshots
        self.app = app
    }
}
