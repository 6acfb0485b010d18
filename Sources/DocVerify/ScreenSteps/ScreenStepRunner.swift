import Foundation
import WebDriver
import ZoomAPI

/// Performs screen steps in a real browser against the product's screens (the embedded ones,
/// or the deployed product), and says what it saw at each, in words.
public struct ScreenStepRunner: Sendable {
    public let session: WebDriverSession
    /// Where the product's screens are, e.g. `http://127.0.0.1:PORT`.
    public let appURL: String
    public let username: String
    public let password: Secret
    /// Where Zoom's own pages are, e.g. `https://zoom.us`.
    public let zoomURL: String

    public init(
        session: WebDriverSession, appURL: String, username: String, password: Secret,
        zoomURL: String = "https://zoom.us"
    ) {
        self.session = session
        self.appURL = appURL
        self.username = username
        self.password = password
        self.zoomURL = zoomURL
    }

    /// Why a step did not go as the sentence says.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The screens contradict the sentence: a `failed` claim.
        case contradicted(String)
        /// The browser could not be driven: a `blocked` claim.
        case browser(WebDriverError)
        /// The steps cannot start where they should (wrong credentials, the browser left the
        /// product for a page that needs a person): a `blocked` claim.
        case cannotProceed(String)

        public var description: String {
            switch self {
            case .contradicted(let message): message
            case .browser(let error): "the browser could not be driven: \(error)"
            case .cannotProceed(let message): message
            }
        }
    }

    /// Performs `steps` in order; one observation per step.
    public func perform(_ steps: [ScreenStep]) throws(Failure) -> [String] {
        try performCapturing(steps, screenshots: false).observed
    }

    /// Performs `steps` in order, and with `screenshots` keeps a PNG of the last screen a step
    /// acted on, the control or text it acted on outlined: for a click, the screen as it is
    /// clicked (the page after it no longer shows the control); for the others, as they leave it.
    public func performCapturing(_ steps: [ScreenStep], screenshots: Bool = true) throws(Failure) -> (
        observed: [String], screenshot: Data?
    ) {
        var observed: [String] = []
        var picture: Data?
        for step in steps {
            do {
                observed.append(try perform(step, picture: screenshots ? { picture = $0 } : nil))
            } catch let error as Failure {
                throw error
            } catch let error as WebDriverError {
                throw .browser(error)
            } catch {
                throw .contradicted("\(error)")
            }
        }
        return (observed, picture)
    }

    /// Where a step's screenshot goes; `nil` takes none.
    typealias Camera = ((Data) -> Void)?

    private func perform(_ step: ScreenStep, picture camera: Camera) throws -> String {
        switch step {
        case .logIn:
            try session.navigate(to: appURL + "/login")
            try type(username, into: "Username")
            try type(password.revealed, into: "Password")
            _ = try click("Log in", kind: .button, within: nil, camera: camera)
            guard try path() != "/login" else {
                let alert = try session.execute(ScreenQueries.alert).string ?? ""
                throw Failure.cannotProceed(
                    "could not sign in to \(appURL) as \(username)\(alert.isEmpty ? "" : ": the page says '\(alert)'")")
            }
            return "signed in as \(username): now on \(try path())"
        case .expectPage(let name):
            let heading = try session.execute(ScreenQueries.heading).string ?? ""
            guard heading.lowercased() == name.lowercased() else {
                throw Failure.contradicted("expected the \(name) page; \(try path()) shows '\(heading)'")
            }
            return "on the \(name) page (\(try path()))"
        case .click(let name, let kind, let within):
            return try click(name, kind: kind, within: within, camera: camera)
        case .scrollTo(let name):
            let found = try session.execute(
                ScreenQueries.findControl, arguments: [.string(name), "any", .null])
            guard let element = WebDriverSession.elementID(found["element"]) else {
                throw Failure.contradicted(missing(name, on: try path(), available: found))
            }
            guard found["inView"]?.bool == false else {
                throw Failure.contradicted(
                    "'\(name)' is already in view on \(try path()): there is nothing to scroll to")
            }
            try photograph(element, camera)
            return "'\(name)' is below the first screenful of \(try path())"
        case .open(let name):
            return try click(name, kind: .any, within: nil, camera: camera)
        case .redirectedTo(let service):
            return try onZoom(service, camera: camera)
        case .authorize:
            return try allow(camera: camera)
        case .returnedConnected(let service):
            return try backConnected(service, camera: camera)
        case .find(let text):
            let found = try session.execute(ScreenQueries.findText, arguments: [.string(text)])
            guard found["found"]?.bool == true else {
                throw Failure.contradicted("no '\(text)' on \(try path()); its headings: \(list(found["headings"]))")
            }
            if let element = WebDriverSession.elementID(found["element"]) { try photograph(element, camera) }
            return "'\(text)' is shown on \(try path())"
        }
    }

    private func click(_ name: String, kind: ScreenStep.ControlKind, within: String?, camera: Camera) throws
        -> String
    {
        let before = try path()
        let found = try session.execute(
            ScreenQueries.findControl,
            arguments: [.string(name), .string(kind.rawValue), within.map { .string($0) } ?? .null])
        if found["regionFound"]?.bool == false, let within {
            throw Failure.contradicted("no region named '\(within)' on \(before); there are: \(list(found["regions"]))")
        }
        guard let element = WebDriverSession.elementID(found["element"]) else {
            throw Failure.contradicted(missing(name, kind: kind, on: before, available: found))
        }
        try photograph(element, camera)
        try clickAndWait(element)
        let what = kind == .any ? "'\(name)'" : "the '\(name)' \(kind.rawValue)"
        return "clicked \(what) on \(before): now on \(try path())"
    }

    /// Clicks `element` and, when that loads another page (through redirects, to another site
    /// perhaps), waits up to 15 s until that page has loaded, so the next step sees it.
    func clickAndWait(_ element: String) throws {
        let navigates =
            try session.execute(ScreenQueries.markIfNavigating, arguments: [WebDriverSession.reference(element)])
            .bool == true
        // The log then holds what this click loaded, for a step that asks where it went.
        _ = try session.documentRequests()
        try session.click(element: element)
        guard navigates else { return }
        for _ in 0..<300 {
            // While the next page loads there may be no page to ask: then ask again.
            if (try? session.execute(ScreenQueries.pageAfterStep))?.string == "complete" { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The screen with `element` outlined in the middle of it, handed to `camera`.
    func photograph(_ element: String, _ camera: Camera) throws {
        guard let camera else { return }
        let reference = WebDriverSession.reference(element)
        try session.execute(ScreenQueries.outline, arguments: [reference, true])
        camera(try session.screenshot())
        try session.execute(ScreenQueries.outline, arguments: [reference, false])
    }

    private func type(_ text: String, into label: String) throws {
        let input = try session.execute(ScreenQueries.input, arguments: [.string(label)])
        guard let id = WebDriverSession.elementID(input) else {
            throw Failure.contradicted("no field labelled '\(label)' on \(try path())")
        }
        try session.type(text, into: id)
    }

    private func missing(
        _ name: String, kind: ScreenStep.ControlKind = .any, on path: String, available: JSONValue
    ) -> String {
        let what = kind == .any ? "control" : kind.rawValue
        return "no \(what) named '\(name)' on \(path); there are: \(list(available["available"]))"
    }

    private func list(_ value: JSONValue?) -> String {
        let names = (value?.array ?? []).compactMap(\.string).filter { !$0.isEmpty }
        return names.isEmpty ? "nothing" : names.joined(separator: ", ")
    }

    /// Where the browser is, when it is no longer in the product's screens (Zoom's sign-in page,
    /// say): `nil` while it is.
    public func leftTheProduct() throws(Failure) -> String? {
        let url: String
        do { url = try session.currentURL() } catch { throw .browser(error) }
        guard let here = URLComponents(string: url) else { return nil }
        return isInProduct(here) ? nil : describe(here)
    }

    /// The page's path in the product, or host and path on another site (Zoom's).
    private func path() throws -> String {
        let url = try session.currentURL()
        guard let here = URLComponents(string: url) else { return url }
        return isInProduct(here) ? here.path : describe(here)
    }

    /// Same scheme, host and port as the product's screens.
    private func isInProduct(_ here: URLComponents) -> Bool {
        let app = URLComponents(string: appURL)
        return here.scheme == app?.scheme && here.host == app?.host && here.port == app?.port
    }

    /// `host:port/path`, as a step names a page on another site.
    func describe(_ here: URLComponents) -> String {
        "\(here.host ?? "")\(here.port.map { ":\($0)" } ?? "")\(here.path)"
    }
}
