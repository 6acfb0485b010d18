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

    public init(session: WebDriverSession, appURL: String, username: String, password: Secret) {
        self.session = session
        self.appURL = appURL
        self.username = username
        self.password = password
    }

    /// Why a step did not go as the sentence says.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The screens contradict the sentence: a `failed` claim.
        case contradicted(String)
        /// The browser could not be driven: a `blocked` claim.
        case browser(WebDriverError)

        public var description: String {
            switch self {
            case .contradicted(let message): message
            case .browser(let error): "the browser could not be driven: \(error)"
            }
        }
    }

    /// Performs `steps` in order; one observation per step.
    public func perform(_ steps: [ScreenStep]) throws(Failure) -> [String] {
        var observed: [String] = []
        for step in steps {
            do {
                observed.append(try perform(step))
            } catch let error as Failure {
                throw error
            } catch let error as WebDriverError {
                throw .browser(error)
            } catch {
                throw .contradicted("\(error)")
            }
        }
        return observed
    }

    private func perform(_ step: ScreenStep) throws -> String {
        switch step {
        case .logIn:
            try session.navigate(to: appURL + "/login")
            try type(username, into: "Username")
            try type(password.revealed, into: "Password")
            try click("Log in", kind: .button, within: nil)
            return "signed in as \(username): now on \(try path())"
        case .expectPage(let name):
            let heading = try session.execute(ScreenQueries.heading).string ?? ""
            guard heading.lowercased() == name.lowercased() else {
                throw Failure.contradicted("expected the \(name) page; \(try path()) shows '\(heading)'")
            }
            return "on the \(name) page (\(try path()))"
        case .click(let name, let kind, let within):
            return try click(name, kind: kind, within: within)
        case .scrollTo(let name):
            let found = try session.execute(
                ScreenQueries.findControl, arguments: [.string(name), "any", .null])
            guard WebDriverSession.elementID(found["element"]) != nil else {
                throw Failure.contradicted(missing(name, on: try path(), available: found))
            }
            guard found["inView"]?.bool == false else {
                throw Failure.contradicted(
                    "'\(name)' is already in view on \(try path()): there is nothing to scroll to")
            }
            return "'\(name)' is below the first screenful of \(try path())"
        case .open(let name):
            return try click(name, kind: .any, within: nil)
        case .find(let text):
            let found = try session.execute(ScreenQueries.findText, arguments: [.string(text)])
            guard found["found"]?.bool == true else {
                throw Failure.contradicted("no '\(text)' on \(try path()); its headings: \(list(found["headings"]))")
            }
            return "'\(text)' is shown on \(try path())"
        }
    }

    private func click(_ name: String, kind: ScreenStep.ControlKind, within: String?) throws -> String {
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
        try session.click(element: element)
        let kindWord = kind == .any ? "" : " \(kind.rawValue)"
        return "clicked the\(kindWord) '\(name)' on \(before): now on \(try path())"
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

    private func path() throws -> String {
        let url = try session.currentURL()
        return URLComponents(string: url)?.path ?? url
    }
}
