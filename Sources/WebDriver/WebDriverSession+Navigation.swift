import Foundation

/// The pages the browser loaded, redirects included: what a person saw flash past when a click
/// went through another site and came back (Zoom's authorize page, consent given before).
extension WebDriverSession {
    /// The addresses of every page requested since the last call, in order, redirects
    /// included, from chromedriver's performance log (which this call empties).
    public func documentRequests() throws(WebDriverError) -> [String] {
        let entries = try Self.command(.post, sessionURL + "/se/log", ["type": "performance"]).array ?? []
        return entries.compactMap { entry -> String? in
            guard let text = entry["message"]?.string,
                let event = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))["message"],
                event["method"]?.string == "Network.requestWillBeSent",
                event["params"]?["type"]?.string == "Document"
            else { return nil }
            return event["params"]?["request"]?["url"]?.string
        }
    }
}
