import ArgumentParser
import Foundation
import HelpCenterKit

extension HelpCenterCommand {
    /// `helpcenter render`: one Markdown body as HTML, for tests and tooling.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Print the HTML body of one Markdown file, without templates.",
            discussion: "Front matter is not expected: the whole input is Markdown."
        )

        @Argument(help: ArgumentHelp("The Markdown file; '-' or nothing reads standard input.", valueName: "file"))
        var file = "-"

        @Flag(name: .long, help: "Pass raw HTML through instead of omitting it.")
        var unsafe = false

        func run() throws {
            let path = file == "-" ? "<stdin>" : file
            let markdown = try Diagnostics.reporting { () throws(HelpCenterError) in
                try file == "-" ? StandardInput.readAll() : MarkdownFile.read(file)
            }
            let rendered = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: unsafe, path: path)).render(markdown)
            Diagnostics.print(rendered.diagnostics)
            try? FileHandle.standardOutput.write(contentsOf: Data(rendered.html.utf8))
            if rendered.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        }
    }
}
