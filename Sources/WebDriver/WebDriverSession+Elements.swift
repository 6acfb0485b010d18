/// Elements as WebDriver hands them out (a reference in a script's answer), clicked and typed
/// into as a person would: the driver scrolls each into view and refuses what is covered.
extension WebDriverSession {
    /// The W3C key under which a script's answer carries an element reference.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The element id inside a reference, as a script answered it.
    public static func elementID(_ reference: JSONValue?) -> String? {
        reference?[elementKey]?.string
    }

    public func click(element id: String) throws(WebDriverError) {
        _ = try Self.command(.post, sessionURL + "/element/\(id)/click", [:])
    }

    public func type(_ text: String, into id: String) throws(WebDriverError) {
        _ = try Self.command(.post, sessionURL + "/element/\(id)/clear", [:])
        _ = try Self.command(.post, sessionURL + "/element/\(id)/value", ["text": .string(text)])
    }

    /// The address of the page shown.
    public func currentURL() throws(WebDriverError) -> String {
        try Self.command(.get, sessionURL + "/url", nil).string ?? ""
    }

    /// Forgets every cookie of the page shown, so the next visitor starts signed out.
    public func deleteAllCookies() throws(WebDriverError) {
        _ = try Self.command(.delete, sessionURL + "/cookie", nil)
    }

    /// An element reference as a script argument.
    public static func reference(_ id: String) -> JSONValue {
        [elementKey: .string(id)]
    }
}
