import Foundation
import ZoomAPI

/// The integration's state in a directory: one JSON file per connection, booking and pending
/// authorization, each replaced atomically; every folder is 0700 and every file 0600 (tokens,
/// verifiers, and bookings' host start links with their `zak` sign-in token).
public struct IntegrationStateStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// A fresh store in a new temporary directory.
    public static func temporary() -> IntegrationStateStore {
        IntegrationStateStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("zoom-state-\(UUID().uuidString)"))
    }

    // MARK: Connections (secret)

    func connection(_ accountID: String) -> ZoomConnection? { read("connections", accountID) }
    func save(_ connection: ZoomConnection) throws {
        try write(connection, "connections", connection.accountID)
    }
    func deleteConnection(_ accountID: String) { remove("connections", accountID) }
    /// Every stored connection (the files hold tokens; never print them).
    public func connections() -> [ZoomConnection] { all("connections") }

    // MARK: Pending authorizations (secret)

    func save(_ pending: PendingAuthorization, state: String) throws {
        try write(pending, "pending", Self.fileName(state: state))
    }

    /// A pending authorization's file is named by a hash of its `state`, never the state itself.
    private static func fileName(state: String) -> String { PKCE.challenge(for: Secret(state)) }

    /// The pending authorization for `state`, left in place.
    func pending(state: String) -> PendingAuthorization? {
        guard FileName.isSafe(state) else { return nil }
        return read("pending", Self.fileName(state: state))
    }

    /// The pending authorization for `state`, removed so it can be used once.
    func takePending(state: String) -> PendingAuthorization? {
        guard FileName.isSafe(state), let pending: PendingAuthorization = read("pending", Self.fileName(state: state))
        else { return nil }
        remove("pending", Self.fileName(state: state))
        return pending
    }

    // MARK: Pending revocations (secret)

    /// A token kept only until Zoom confirms its revocation; used for nothing else.
    func save(_ revocation: PendingRevocation) throws {
        try write(revocation, Self.revocationsFolder, revocation.id)
    }
    func pendingRevocations() -> [PendingRevocation] { all(Self.revocationsFolder) }
    func deleteRevocation(_ id: String) { remove(Self.revocationsFolder, id) }
    /// Where pending revocations live, so checks can tell them from retained access.
    public static let revocationsFolder = "revocations"

    // MARK: Bookings

    func booking(_ id: String) -> Booking? { read("bookings", id) }
    func save(_ booking: Booking) throws { try write(booking, "bookings", booking.id) }
    /// Every booking, for reports and checks.
    public func bookings() -> [Booking] { all("bookings") }

    // MARK: Webhook replay protection

    /// Records a delivery's signature; `false` when it was seen before.
    func firstSighting(of signature: String) throws -> Bool {
        let url = directory.appendingPathComponent("webhooks-seen.json")
        var seen = (try? JSONDecoder().decode([String].self, from: Data(contentsOf: url))) ?? []
        guard !seen.contains(signature) else { return false }
        seen.append(signature)
        try AtomicFile.write(try JSONEncoder().encode(seen.suffix(1000)), to: url)
        return true
    }

    // MARK: Files

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private func url(_ folder: String, _ name: String) -> URL {
        directory.appendingPathComponent(folder).appendingPathComponent(FileName.safe(name) + ".json")
    }

    private func read<Value: Decodable>(_ folder: String, _ name: String) -> Value? {
        guard let data = try? Data(contentsOf: url(folder, name)) else { return nil }
        return try? Self.decoder.decode(Value.self, from: data)
    }

    private func write<Value: Encodable>(_ value: Value, _ folder: String, _ name: String) throws {
        try AtomicFile.write(try Self.encoder.encode(value), to: url(folder, name))
    }

    private func remove(_ folder: String, _ name: String) {
        try? FileManager.default.removeItem(at: url(folder, name))
    }

    private func all<Value: Decodable>(_ folder: String) -> [Value] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap {
            read(folder, String($0.dropLast(5)))
        }
    }
}

/// Ids become file names; anything but letters, digits, `-` and `_` is hex-escaped so an id
/// can never reach outside its folder.
enum FileName {
    static func safe(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            isPlain(scalar) ? String(scalar) : String(format: "%%%04X", scalar.value)
        }.joined()
    }

    static func isSafe(_ name: String) -> Bool { !name.isEmpty && name.unicodeScalars.allSatisfy(isPlain) }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
    }
}
