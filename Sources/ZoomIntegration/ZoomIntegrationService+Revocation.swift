import Foundation
import ZoomAPI

/// Disconnecting keeps the article's promise when Zoom hiccups: the tokens are deleted here at
/// once, and revoking at Zoom goes on until Zoom confirms it.
extension ZoomIntegrationService {
    /// "Click the Delete icon": delete the tokens here at once (nothing calls Zoom for the
    /// account afterwards), then revoke at Zoom; a revoke Zoom could not confirm is kept.
    public func disconnect(accountID: String) async {
        await settlePendingRevocations()
        guard let connection = store.connection(accountID) else { return }
        forget(accountID)
        let revocation = PendingRevocation(
            id: UUID().uuidString.lowercased(), accountID: accountID, token: connection.tokens.refreshToken,
            since: now())
        if await !revoke(revocation) {
            do {
                try store.save(revocation)
                hasPendingRevocations = true
                Self.logger.warning("account \(accountID): Zoom could not confirm the revocation; it is retried later")
            } catch {
                Self.logger.error("account \(accountID): cannot keep the pending revocation: \(error)")
            }
        }
    }

    /// Accounts whose revocation at Zoom is still pending.
    public func pendingRevocations() -> [String] {
        store.pendingRevocations().map(\.accountID)
    }

    /// Tries every pending revocation again; called at the first Zoom work of a start and
    /// before any Zoom work while some are pending.
    func settlePendingRevocations() async {
        guard hasPendingRevocations != false else { return }
        var left = false
        for revocation in store.pendingRevocations() {
            if await revoke(revocation) { store.deleteRevocation(revocation.id) } else { left = true }
        }
        hasPendingRevocations = left
    }

    /// Whether Zoom has confirmed the token dead: revoked now, or refused as already invalid.
    private func revoke(_ revocation: PendingRevocation) async -> Bool {
        record(revocation.accountID, "oauth.revoke")
        do {
            try await oauth.revoke(revocation.token)
            return true
        } catch {
            // An answer with a 4xx status is Zoom's word on the token: no longer valid.
            return error.status.map { (400..<500).contains($0) && $0 != 429 } ?? false
        }
    }
}
