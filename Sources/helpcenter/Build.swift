import ArgumentParser
import Foundation
import HelpCenterKit

extension HelpCenterCommand {
    /// `helpcenter build`: the site into Public/.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the static site.",
            discussion: """
                Reads site.yml, Templates/ and Content/, then replaces the output folder in one \
                step: a failed build leaves the previous site untouched. When only the text of some \
                articles changed since the last build, only their pages are rendered again, each \
                replaced in one step (see --full).
                """
        )

        @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "path"))
        var content = "Content"

        @Option(name: .long, help: ArgumentHelp("The folder of Mustache templates and assets/.", valueName: "path"))
        var templates = "Templates"

        @Option(name: .long, help: ArgumentHelp("Where the site is written (replaced whole).", valueName: "path"))
        var output = "Public"

        @Option(name: .long, help: ArgumentHelp("The site configuration file.", valueName: "path"))
        var config = "site.yml"

        @Flag(name: .long, help: "Include articles whose front matter says 'draft: true'.")
        var drafts = false

        @Option(name: .long, help: ArgumentHelp("A 'verify --report' file to show on the articles.", valueName: "file"))
        var verification: String?

        @Flag(name: .customLong("no-search"), help: "Skip the search index (Pagefind).")
        var noSearch = false

        @Flag(
            name: .long,
            help: ArgumentHelp(
                "Rebuild every page, ignoring the build caches.",
                discussion: """
                    By default a build re-renders only the pages of articles whose text changed since \
                    the last build into the same folder (the cache is .<output>.build-cache beside it, \
                    with the compiled templates in .<output>.template-cache); \
                    anything else that changed (templates, site.yml, assets, titles, headings, \
                    added or removed files, a new commit) rebuilds every page.
                    """))
        var full = false

        @Flag(
            name: .long,
            help: ArgumentHelp(
                "Replace the output folder even if it is not empty and helpcenter did not build it.",
                discussion: """
                    A build replaces its output whole. A folder helpcenter built carries a \
                    .helpcenter-site file (or has a build cache beside it); any other non-empty folder \
                    is refused unless --force is given. A file, or a folder inside the content or \
                    templates, is never replaced.
                    """))
        var force = false

        func run() throws {
            let options = BuildOptions(
                contentPath: content, templatesPath: templates, outputPath: output, configPath: config,
                includeDrafts: drafts, verificationPath: verification)
            let clock = ContinuousClock()
            let start = clock.now
            // This process exits right after the build: its structures are left to the kernel.
            ProcessLifetime.keepBuildState()
            var builder = SiteBuilder(options: options)
            if noSearch { builder.options.searchIndexer = nil }
            builder.options.useCache = !full
            builder.options.force = force
            if isatty(STDERR_FILENO) != 0 {
                builder.progress = { done, total in
                    guard total >= 500 else { return }
                    let end = done == total ? "\n" : ""
                    try? FileHandle.standardError.write(
                        contentsOf: Data("\r\u{1B}[2KRendering pages: \(done) of \(total)\(end)".utf8))
                }
            }
            let report = try Diagnostics.reporting { () throws(HelpCenterError) in try builder.build() }
            Diagnostics.print(report.warnings)
            for note in report.notes { Diagnostics.printError("note: \(note)") }
            let seconds = ElapsedTime.text(clock.now - start)
            let updated =
                report.fullBuildReason == nil
                ? ": \(Plural.count(report.rendered, "page")) re-rendered, the rest unchanged since the last build" : ""
            Diagnostics.say(
                "Built \(Plural.count(report.pages, "page")) (\(Plural.count(report.articles, "article")) in "
                    + "\(Plural.count(report.categories, "category", "categories"))) "
                    + "and \(Plural.count(report.assets, "asset")) into \(output) in \(seconds)\(updated)")
        }
    }
}
