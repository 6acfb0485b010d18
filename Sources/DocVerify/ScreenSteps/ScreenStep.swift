/// One thing a person does in the product's screens, as a claim sentence says it. The grammar
/// (`ScreenStepGrammar`) turns sentences into these; `ScreenStepRunner` performs them in a
/// real browser, finding controls by what a person sees: accessible names and visible text.
public enum ScreenStep: Sendable, Hashable, CustomStringConvertible {
    /// "Log in to your … account": the sign-in form, with the configured user.
    case logIn
    /// "From your Workspace, …": the page shown is the one named.
    case expectPage(String)
    /// "click the Business Tools icon", "click Set Up", "click it".
    case click(name: String, kind: ControlKind, within: String?)
    /// "Scroll to Integrations": the control is below the first screenful and is brought into view.
    case scrollTo(String)
    /// "Locate Zoom", "Find the connected Zoom account": the text is on the page.
    case find(String)
    /// "Go to Workspace → …": the first place of a path, reached through the control named so
    /// (the screens' header has one on every page).
    case open(String)
    /// "You will be redirected to Zoom to authorize access": the browser has left the product
    /// for the named service's pages.
    case redirectedTo(String)
    /// "Once authorized, …": the person allows access on the service's consent page.
    case authorize
    /// "… you will be returned to valhallgames.net with Zoom connected": back in the product,
    /// the named integration shows as connected.
    case returnedConnected(String)

    /// Whether the step is taken outside the product's screens (on Zoom's pages).
    var startsOutsideTheProduct: Bool {
        switch self {
        case .redirectedTo, .authorize: true
        default: false
        }
    }

    public enum ControlKind: String, Sendable, Hashable {
        case icon, button, link, any
    }

    public var description: String {
        switch self {
        case .logIn: "log in"
        case .expectPage(let name): "on the \(name) page"
        case .click(let name, let kind, let within):
            "click \(kind == .any ? "'\(name)'" : "the '\(name)' \(kind.rawValue)")\(within.map { " next to \($0)" } ?? "")"
        case .scrollTo(let name): "scroll to '\(name)'"
        case .find(let text): "find '\(text)'"
        case .open(let name): "open '\(name)'"
        case .redirectedTo(let service): "be on \(service)'s pages"
        case .authorize: "allow access"
        case .returnedConnected(let service): "be back with \(service) connected"
        }
    }
}
