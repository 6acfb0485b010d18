import ArgumentParser
import DocVerify
import HelpCenterKit

/// `verify accept`: records the current text of reviewed claims in verify.lock.
struct AcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Record the current text of claims in verify.lock after QA reviewed it.",
        discussion: "With no ids, accepts every claim and drops entries of claims that no longer exist.")

    @OptionGroup var claims: ClaimOptions

    @Argument(help: "Claim ids to accept (default: all).")
    var ids: [String] = []

    func run() async throws {
        let (catalog, oldLock) = try claims.load()
        let known = Set(catalog.entries.map(\.claim.id))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationError("no claim with id \(unknown.joined(separator: ", ")) in \(claims.content)")
        }
        var lock = ids.isEmpty ? VerifyLock() : oldLock
        let accepted = catalog.entries.map(\.claim).filter { ids.isEmpty || ids.contains($0.id) }
        lock.accept(accepted)
        do {
            try lock.save(path: claims.lock)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode.failure
        }
        let changed = accepted.filter { !oldLock.accepts($0) }
        for claim in changed { Output.line("accepted \(claim.id): “\(claim.text)”") }
        Output.line("\(accepted.count) claims in \(claims.lock), \(changed.count) changed")
    }
}
