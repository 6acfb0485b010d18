import Foundation
import WebDriver

/// The steps on Zoom's side of "Set Up": the browser on Zoom's pages, the person's Allow, and
/// the return to the product with Zoom connected. A Zoom page that needs a person (Zoom's own
/// sign-in) cannot be passed by a machine: the step says so and is blocked, never passed.
extension ScreenStepRunner {
    func onZoom(_ service: String, camera: Camera) throws -> String {
        let here = try location()
        guard isZoom(here) else {
            // Zoom asks nothing of a person who allowed the app before: the browser went through.
            let visited = try session.documentRequests().compactMap { URLComponents(string: $0) }
            if let zoom = visited.first(where: isZoom) {
                return "went through \(service)'s pages at \(describe(zoom)) and straight back to \(describe(here)) "
                    + "(access was allowed before)"
            }
            throw Failure.contradicted(
                "expected to be on \(service)'s pages (\(host(of: zoomURL))); the browser is at \(describe(here))"
                    + (visited.isEmpty ? "" : " after \(visited.map(describe).joined(separator: " → "))"))
        }
        let heading = try session.execute(ScreenQueries.heading).string ?? ""
        if let element = WebDriverSession.elementID(try session.execute(ScreenQueries.headingElement)) {
            try photograph(element, camera)
        }
        return "on \(service)'s pages at \(describe(here))" + (heading.isEmpty ? "" : ", which says '\(heading)'")
    }

    func allow(camera: Camera) throws -> String {
        let here = try location()
        guard isZoom(here) else {
            guard try leftTheProduct() == nil else {
                throw Failure.contradicted("expected Zoom's consent page; the browser is at \(describe(here))")
            }
            return "Zoom asked nothing: access was allowed before, and the browser is back at \(describe(here))"
        }
        for name in ["Allow", "Authorize"] {
            let found = try session.execute(ScreenQueries.findControl, arguments: [.string(name), "any", .null])
            guard let element = WebDriverSession.elementID(found["element"]) else { continue }
            try photograph(element, camera)
            try clickAndWait(element)
            return "clicked '\(name)' on Zoom's page at \(describe(here)): now at \(describe(try location()))"
        }
        let found = try session.execute(ScreenQueries.findControl, arguments: ["Allow", "any", .null])
        let there = (found["available"]?.array ?? []).compactMap(\.string).joined(separator: ", ")
        throw Failure.cannotProceed(
            "Zoom's page at \(describe(here)) has no Allow or Authorize (there are: \(there.isEmpty ? "nothing" : there)): "
                + "it needs a person, such as to sign in to Zoom")
    }

    func backConnected(_ service: String, camera: Camera) throws -> String {
        let here = try location()
        guard !isZoom(here), try leftTheProduct() == nil else {
            throw Failure.contradicted("expected to be back in the product; the browser is at \(describe(here))")
        }
        let status = try session.execute(ScreenQueries.connectedStatus, arguments: [.string(service)])
        guard let element = WebDriverSession.elementID(status["element"]) else {
            let says = status["says"]?.string ?? ""
            throw Failure.contradicted(
                status["regionFound"]?.bool == true
                    ? "back on \(here.path), but \(service) does not show as connected: it says '\(says)'"
                    : "back on \(here.path), but there is no \(service) there")
        }
        try photograph(element, camera)
        return "back on \(here.path) with \(service) showing 'Connected'"
    }

    private func location() throws -> URLComponents {
        let url = try session.currentURL()
        return URLComponents(string: url) ?? URLComponents()
    }

    /// Zoom's host or one below it (`zoom.us`, `us05web.zoom.us`), on Zoom's port.
    private func isZoom(_ here: URLComponents) -> Bool {
        guard let zoom = URLComponents(string: zoomURL), let host = here.host, let zoomHost = zoom.host else {
            return false
        }
        return (host == zoomHost || host.hasSuffix("." + zoomHost)) && here.port == zoom.port
    }

    private func host(of url: String) -> String {
        URLComponents(string: url).map(describe) ?? url
    }
}
