import CurlHTTP
import Foundation
import MockZoom
import ZoomAPI
import ZoomIntegration

/// One check's world: a fresh integration with its own state, wired to the backend's Zoom.
public struct CheckEnvironment: Sendable {
    public let integration: ZoomIntegrationService
    public let backendName: String
    /// How the user connects `account` (starts, consents at Zoom, comes back): returns the Zoom
    /// authorize URL the user was sent to.
    let consent: @Sendable (String) async throws -> URL
    /// Zoom's request journal when the backend has one (the mocks do; real Zoom does not).
    let journal: @Sendable () async -> [JournalEntry]?
    /// What a user does under App Marketplace → Manage → Installed Apps → Uninstall.
    let uninstall: @Sendable (ZoomConnection) async throws -> Void
    let cleanup: @Sendable () async -> Void
    /// The product's screens and who signs in to them, when this backend serves them.
    public internal(set) var screens: ProductScreens? = nil

    public func now() async -> Date { await integration.currentTime() }

    /// Stops what this environment started (its Zoom, its endpoints) and removes its state.
    public func cleanUp() async { await cleanup() }

    /// "Connecting Zoom", steps 5 and 6: redirect to Zoom, consent, return connected.
    @discardableResult
    public func connect(_ accountID: String) async throws -> URL {
        try await consent(accountID)
    }

    /// Zoom API calls (`/v2/...`) recorded at Zoom since `time`, or `nil` when Zoom keeps no journal.
    public func apiCalls(since time: Date) async -> [JournalEntry]? {
        await journal()?.filter { $0.time >= time && $0.path.hasPrefix("/v2/") }
    }

    public func uninstallFromMarketplace(_ connection: ZoomConnection) async throws {
        try await uninstall(connection)
    }

    /// A client for probing Zoom directly with a token, as evidence (e.g. that it is dead).
    public func probe(_ connection: ZoomConnection) async -> ZoomMeetingsClient {
        ZoomMeetingsClient(configuration: integration.configuration, tokens: connection.tokens)
    }
}

/// Where the product's screens are and the user the screen steps sign in as: the embedded
/// screens with a user made for the run, or the deployed product (`verify --app-url`).
public struct ProductScreens: Sendable {
    public let appURL: String
    public let username: String
    public let password: Secret
    /// Where Zoom's own pages are (its authorize and consent pages), e.g. `https://zoom.us`.
    public let zoomURL: String

    public init(appURL: String, username: String, password: Secret, zoomURL: String = "https://zoom.us") {
        self.appURL = appURL.hasSuffix("/") ? String(appURL.dropLast()) : appURL
        self.username = username
        self.password = password
        self.zoomURL = zoomURL
    }
}
