import Foundation
import Synchronization
import ZoomAPI

/// Signed-in browsers: a random session id (the `HttpOnly; SameSite=Lax` cookie) names the
/// account and the CSRF token every form of that session must send back.
final class ScreenSessions: Sendable {
    struct Session: Sendable {
        let accountID: String
        let csrfToken: String
    }

    static let cookieName = "product_session"
    private let sessions = Mutex<[String: Session]>([:])

    /// A new session for `accountID`: its id, for the cookie.
    func open(accountID: String) -> String {
        let id = PKCE.randomURLSafe(byteCount: 32)
        let session = Session(accountID: accountID, csrfToken: PKCE.randomURLSafe(byteCount: 32))
        sessions.withLock { $0[id] = session }
        return id
    }

    func session(_ id: String?) -> Session? {
        guard let id, !id.isEmpty else { return nil }
        return sessions.withLock { $0[id] }
    }

    func close(_ id: String?) {
        guard let id else { return }
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Compares every byte whatever the first difference, so timing tells nothing of the token.
    static func same(_ sent: String?, _ expected: String) -> Bool {
        let left = Array((sent ?? "").utf8)
        let right = Array(expected.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func setCookie(_ id: String) -> String {
        "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Lax"
    }

    static let clearCookie = "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
}
