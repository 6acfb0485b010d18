import ArgumentParser

/// `verify`: proves the help center's Zoom article against Zoom (or a faithful mock).
@main
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Execute the flows the help articles document against Zoom, and serve a mock Zoom.",
        discussion: """
            Claims are <!-- claim: flow.name --> markers in Content/**/*.md; each is bound to a \
            check in Swift that drives the Zoom integration against a backend. verify.lock holds \
            the claim texts QA accepted.

            Exit status: 0 when every claim is verified (or manual) and nothing drifted, 1 when \
            anything is red, 3 when nothing failed but some claims are blocked (could not be checked \
            now: a Zoom limit, Zoom unreachable), 64 on bad usage, 130 when interrupted.
            """,
        subcommands: [RunCommand.self, LintCommand.self, AcceptCommand.self, MockZoomCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
