import ArgumentParser
import Foundation
import HelpCenterKit

extension HelpCenterCommand {
    /// `helpcenter init`: a new help center that builds at once.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Start a new help center in a new folder.",
            discussion: """
                Writes site.yml, a home page, one category with one article and the templates \
                (Mustache layouts and CSS) into DIR, which must not exist or be empty. Nothing is \
                overwritten, and a failed init leaves nothing behind.
                """)

        @Argument(help: ArgumentHelp("The folder to create.", valueName: "DIR"))
        var folder: String

        @Option(help: "The help center's title.")
        var title = "Help Center"

        func validate() throws {
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title is empty") }
        }

        func run() throws {
            do {
                let written = try StarterSite.write(to: folder, title: title)
                Diagnostics.say("created a help center in \(folder) (\(written.count) files)")
                Diagnostics.say(
                    """

                    Next:
                      cd \(folder)
                      helpcenter build        # the site, into Public/
                      helpcenter serve        # preview on http://127.0.0.1:8080, rebuilt as you save
                      helpcenter new getting-started/my-article --title "My question?"
                    Edit site.yml first: the title, base_url, product and support_email are yours to set.
                    """)
            } catch {
                Diagnostics.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
