import ZoomAPI

/// Someone who can sign in to the product's screens: the account whose Zoom integration the
/// screens manage. The password is a `Secret`, so it is never printed or logged.
public struct ProductUser: Sendable {
    public let username: String
    public let password: Secret
    public let accountID: String

    public init(username: String, password: Secret, accountID: String) {
        self.username = username
        self.password = password
        self.accountID = accountID
    }
}
