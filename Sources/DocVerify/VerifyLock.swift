import Foundation
import HelpCenterKit

/// `verify.lock`: the claim texts QA has accepted. A claim whose text differs has drifted: the
/// article says something nobody re-verified, so `verify` fails until `verify accept`.
public struct VerifyLock: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var text: String
        public var sha256: String
    }

    public var version = 1
    /// Claim id -> accepted text.
    public var claims: [String: Entry]

    public init(claims: [String: Entry] = [:]) {
        self.claims = claims
    }

    /// Reads the lock; a missing file is an empty lock (every claim then drifts).
    public static func load(path: String) throws(VerifyError) -> VerifyLock {
        guard FileManager.default.fileExists(atPath: path) else { return VerifyLock() }
        do {
            return try JSONDecoder().decode(VerifyLock.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .badLock("\(path): \(error.localizedDescription); fix it or delete it and run 'verify accept'")
        }
    }

    /// Writes the lock atomically (temp file + rename), keys sorted so diffs stay readable.
    public func save(path: String) throws(VerifyError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(self) + Data("\n".utf8)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .badLock("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Whether `claim`'s current text is the accepted one.
    public func accepts(_ claim: Claim) -> Bool {
        claims[claim.id]?.sha256 == claim.textHash
    }

    /// Records the current text of `claims`.
    public mutating func accept(_ accepted: [Claim]) {
        for claim in accepted { claims[claim.id] = Entry(text: claim.text, sha256: claim.textHash) }
    }
}

/// Problems that stop `verify` before any claim is judged.
public enum VerifyError: Error, Sendable, CustomStringConvertible {
    case badLock(String)
    case content(HelpCenterError)
    case backend(String)

    public var description: String {
        switch self {
        case .badLock(let detail): "verify.lock: \(detail)"
        case .content(let error): error.description
        case .backend(let detail): "backend: \(detail)"
        }
    }
}
