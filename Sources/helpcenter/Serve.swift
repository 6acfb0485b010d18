import ArgumentParser
import CommandLineSupport
import Foundation
import HelpCenterKit
import HelpCenterServe

extension HelpCenterCommand {
    /// `helpcenter serve`: live preview for writers.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Build, serve the site on 127.0.0.1 and rebuild and reload pages as files change.",
            discussion: """
                A saved file is noticed at once (inotify) and only the pages it changes are rendered again. \
                A build error is shown in the browser; fix the file and the page reloads. Ctrl-C stops.
                """)

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8080

        @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "path"))
        var content = "Content"

        @Option(name: .long, help: ArgumentHelp("The folder of Mustache templates and assets/.", valueName: "path"))
        var templates = "Templates"

        @Option(name: .long, help: ArgumentHelp("Where the site is built and served from.", valueName: "path"))
        var output = "Public"

        @Option(name: .long, help: ArgumentHelp("The site configuration file.", valueName: "path"))
        var config = "site.yml"

        @Flag(name: .long, help: "Replace the output folder even if it is not empty and helpcenter did not build it.")
        var force = false

        @Flag(name: .long, help: "Include drafts (the preview's usual need).")
        var drafts = false

        @Flag(name: .customLong("no-reload"), help: "Do not make open pages reload after a rebuild.")
        var noReload = false

        @Flag(
            help: """
                Check for changes four times a second instead of asking the kernel: for folders on network \
                or container mounts whose changes are not reported.
                """)
        var poll = false

        @Flag(
            name: .customLong("no-search"),
            help: "Do not build the search index. (With it, Pagefind indexes in the background after each rebuild.)")
        var noSearch = false

        func run() async throws {
            var options = BuildOptions(
                contentPath: content, templatesPath: templates, outputPath: output, configPath: config,
                includeDrafts: drafts)
            if noSearch { options.searchIndexer = nil }
            options.force = force
            let server = PreviewServer(
                options: options, liveReload: !noReload, polls: poll, freesAfterReporting: true
            ) {
                Diagnostics.printError($0)
            }
            do {
                try await server.start(port: port)
            } catch {
                Diagnostics.printError("error: \(error)")
                throw ExitCode.failure
            }
            Diagnostics.say("serving \(output) at \(server.baseURL)/ (Ctrl-C stops)")
            await TerminationSignal.wait()
            await server.stop()
        }
    }
}
