import ArgumentParser
import Foundation
import HelpCenterKit

extension HelpCenterCommand {
    /// `helpcenter new`: an article skeleton in the house style.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new article skeleton at Content/<category>[/<section>...]/<slug>.md.",
            discussion: "The article starts as a draft; remove 'draft: true' to publish it. A new category or "
                + "section folder gets an _index.md too. Existing files are never overwritten.")

        @Argument(
            help: ArgumentHelp(
                "Where the article goes, e.g. integrations/using-slack or integrations/advanced/webhooks.",
                valueName: "category/slug"))
        var path: String

        @Option(help: "The article's title.")
        var title: String

        @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "path"))
        var content = "Content"

        func validate() throws {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.allSatisfy({ ArticleSkeleton.isSegment(String($0)) }) else {
                throw ValidationError(
                    "give the article as <category>/<slug> (or <category>/<section>/<slug>), lower-case words "
                        + "joined by '-'")
            }
            guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title is empty") }
        }

        func run() throws {
            let parts = path.split(separator: "/").map(String.init)
            do {
                let written = try ArticleSkeleton.write(
                    category: parts.dropLast().joined(separator: "/"), slug: parts[parts.count - 1], title: title,
                    contentPath: content)
                for file in written { Diagnostics.say("created \(file)") }
            } catch {
                Diagnostics.print(error.diagnostics)
                throw ExitCode.failure
            }
        }
    }
}
