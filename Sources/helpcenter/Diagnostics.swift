import ArgumentParser
import Foundation
import HelpCenterKit

/// How the CLI talks: results on stdout, diagnostics on stderr, exit 1 when content is wrong.
enum Diagnostics {
    /// Runs `work`; on `HelpCenterError` prints every diagnostic and exits 1 (no stack trace).
    static func reporting<Result>(_ work: () throws(HelpCenterError) -> Result) throws -> Result {
        do {
            return try work()
        } catch {
            print(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            printError("\(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitCode.failure
        }
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    /// A progress or summary line.
    static func say(_ line: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    static func printError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}

/// Input for `render`.
enum StandardInput {
    static func readAll() throws(HelpCenterError) -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(validating: data, as: UTF8.self) else {
            throw HelpCenterError(.error("input is not UTF-8 text", at: SourceLocation(path: "<stdin>")))
        }
        return text
    }
}

/// "1 page", "3 pages".
enum Plural {
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
