import ArgumentParser
import DocVerify

/// `verify lint`: binding and drift only, no Zoom, in well under a second.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check that every claim has a check, every check a claim, and no text drifted; no backend.")

    @OptionGroup var claims: ClaimOptions

    func run() async throws {
        let (catalog, lock) = try claims.load()
        let report = VerifyRunner(catalog: catalog, lock: lock).lint()
        Output.print(report)
        Output.line(report.summary)
        if !report.passed { throw ExitCode.failure }
    }
}
