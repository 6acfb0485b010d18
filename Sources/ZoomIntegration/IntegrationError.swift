import ZoomAPI

/// What the integration reports to the product's UI.
public enum IntegrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The callback's `state` is unknown or was already used: a forged or replayed redirect.
    case unknownAuthorizationState
    /// The callback came from a browser other than the one that started the flow.
    case authorizationFromAnotherBrowser
    /// The redirect carried no code (the user declined, or the URL is not Zoom's callback).
    case authorizationDenied(String)
    case unknownBooking(String)
    /// No stored connection for the account.
    case notConnected(String)
    case zoom(ZoomError)
    /// Zoom kept failing: the retry policy's attempts or deadline ran out.
    case gaveUp(attempts: Int, last: ZoomError)
    case storage(String)

    public var description: String {
        switch self {
        case .unknownAuthorizationState: "the Zoom authorization response does not match a pending request"
        case .authorizationFromAnotherBrowser:
            "this Zoom authorization was started in another browser; start connecting Zoom again here"
        case .authorizationDenied(let reason): "Zoom authorization was not granted: \(reason)"
        case .unknownBooking(let id): "no booking \(id)"
        case .notConnected(let account): "Zoom is not connected for \(account)"
        case .zoom(let error): "\(error)"
        case .gaveUp(let attempts, let last): "gave up after \(attempts) attempts; last: \(last)"
        case .storage(let detail): "state storage failed: \(detail)"
        }
    }
}
