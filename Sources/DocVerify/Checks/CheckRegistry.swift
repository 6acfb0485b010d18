/// Every check, by claim id.
public enum CheckRegistry {
    public static let all: [Check] =
        ConnectChecks.all + ConfirmChecks.all + TroubleshootChecks.all + DisconnectChecks.all

    public static var byID: [String: Check] {
        Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
