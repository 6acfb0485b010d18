import ArgumentParser
import Foundation
import HelpCenterKit

extension HelpCenterCommand {
    /// `helpcenter check`: the problems a build would publish, without building.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Find broken links, anchors and images, missing alt text, drafts linked from published pages, "
                + "colliding aliases, front-matter and template problems.",
            discussion: "External links are not fetched. Exit 0 when clean, 1 when there are errors, 64 on bad usage.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, github, json
        }

        @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "path"))
        var content = "Content"

        @Option(name: .long, help: ArgumentHelp("The folder of Mustache templates and assets/.", valueName: "path"))
        var templates = "Templates"

        @Option(name: .long, help: ArgumentHelp("The site configuration file.", valueName: "path"))
        var config = "site.yml"

        @Option(help: "text (path:line:col: error: message), github (Actions annotations) or json.")
        var format: Format = .text

        func run() throws {
            let options = BuildOptions(contentPath: content, templatesPath: templates, configPath: config)
            let problems = SiteChecker(options: options).check()
            switch format {
            case .text:
                for problem in problems { Diagnostics.say(problem.description) }
            case .github:
                for problem in problems { Diagnostics.say(Self.annotation(problem)) }
            case .json:
                Diagnostics.say(Self.json(problems))
            }
            let errors = problems.filter { $0.severity == .error }.count
            if format == .text {
                Diagnostics.printError(errors == 0 ? "no problems found" : "\(Plural.count(errors, "error")) found")
            }
            if errors > 0 { throw ExitCode.failure }
        }

        static func annotation(_ problem: Diagnostic) -> String {
            var properties = ["file=\(problem.location.path)"]
            if let line = problem.location.line { properties.append("line=\(line)") }
            if let column = problem.location.column { properties.append("col=\(column)") }
            let message = problem.message.replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\n", with: "%0A")
            return "::\(problem.severity.rawValue) \(properties.joined(separator: ","))::\(message)"
        }

        static func json(_ problems: [Diagnostic]) -> String {
            let objects: [[String: Any]] = problems.map { problem in
                var object: [String: Any] = [
                    "file": problem.location.path, "severity": problem.severity.rawValue, "message": problem.message,
                ]
                if let line = problem.location.line { object["line"] = line }
                if let column = problem.location.column { object["column"] = column }
                return object
            }
            let data = try? JSONSerialization.data(
                withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        }
    }
}
