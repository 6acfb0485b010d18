import Foundation
import MockZoom
import ZoomAPI

/// Builds the backend the command line asked for, reading credentials from the environment.
public enum BackendFactory {
    /// - Parameter plan: the Zoom account's plan, which paces the calls; url and live default to
    ///   `free` (the strictest), the embedded mock to `unlimited` (it then enforces a given plan too).
    public static func make(
        _ name: String, zoomURL: String?, consent: RemoteBackend.Consent?, stateRoot: URL?,
        environment: [String: String], plan: ZoomPlan? = nil
    ) throws -> any VerifyBackend {
        let defaults = RegisteredApp()
        switch name {
        case "url":
            let base = zoomURL ?? "http://127.0.0.1:8089"
            let configuration = ZoomConfiguration(
                clientID: environment["ZOOM_CLIENT_ID"] ?? defaults.clientID,
                clientSecret: Secret(environment["ZOOM_CLIENT_SECRET"] ?? defaults.clientSecret),
                redirectURI: environment["ZOOM_REDIRECT_URI"] ?? defaults.redirectURIs[0], oauthBaseURL: base,
                apiBaseURL: base, callPolicy: ZoomCallPolicy(plan: plan ?? .free))
            return RemoteBackend(
                name: "url", configuration: configuration,
                webhookSecret: Secret(environment["ZOOM_WEBHOOK_SECRET"] ?? defaults.webhookSecret),
                consent: consent ?? .auto, hasMockControls: true, stateRoot: stateRoot)
        case "live":
            guard let id = environment["ZOOM_CLIENT_ID"], let secret = environment["ZOOM_CLIENT_SECRET"],
                let webhook = environment["ZOOM_WEBHOOK_SECRET"]
            else {
                throw VerifyError.backend(
                    "--backend live needs ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and ZOOM_WEBHOOK_SECRET in the environment"
                )
            }
            let configuration = ZoomConfiguration(
                clientID: id, clientSecret: Secret(secret),
                redirectURI: environment["ZOOM_REDIRECT_URI"] ?? defaults.redirectURIs[0],
                oauthBaseURL: environment["ZOOM_OAUTH_URL"] ?? "https://zoom.us",
                apiBaseURL: environment["ZOOM_API_URL"] ?? "https://api.zoom.us",
                callPolicy: ZoomCallPolicy(plan: plan ?? .free))
            return RemoteBackend(
                name: "live", configuration: configuration, webhookSecret: Secret(webhook),
                consent: consent ?? .browser,
                hasMockControls: false, stateRoot: stateRoot)
        default:
            return MockBackend(stateRoot: stateRoot, plan: plan ?? .unlimited)
        }
    }
}
