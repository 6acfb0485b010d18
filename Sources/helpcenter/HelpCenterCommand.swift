import ArgumentParser

/// `helpcenter`: builds the help center from Markdown.
@main
struct HelpCenterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Build a help center from Markdown articles.",
        discussion: """
            Articles live in Content/<category>/<article>.md with YAML front matter; category \
            folders describe themselves in _index.md. Templates/ holds the Mustache layouts and \
            Templates/assets/ the CSS and icons. site.yml names the site.

            Exit status: 0 on success, 1 when the content has problems (each printed as \
            path:line:col: error: message), 64 on bad usage.
            """,
        // Each subcommand gives its `commandName`: otherwise ArgumentParser derives it at every start
        // with `String(describing:)`, whose first conformance lookups scan the whole binary (1 ms).
        subcommands: [Build.self, Check.self, Init.self, New.self, Render.self, Serve.self]
    )
}
