import ArgumentParser

/// `verify`: proves the help center's Zoom article against Zoom (or a faithful mock).
@main
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Execute the flows the help articles document against Zoom, and serve a mock Zoom.",
        discussion: """
            Exit status: 0 on success, 1 when something failed, 64 on bad usage.
            """,
        subcommands: [MockZoomCommand.self]
    )
}
