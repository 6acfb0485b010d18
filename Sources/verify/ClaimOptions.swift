import ArgumentParser
import DocVerify
import Foundation

/// Where the claims and the lock are; shared by run, lint and accept.
struct ClaimOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of Markdown articles.", valueName: "path"))
    var content = "Content"

    @Option(help: ArgumentHelp("The accepted claim texts.", valueName: "path"))
    var lock = "verify.lock"

    /// The catalog and lock, or a printed reason and exit 1.
    func load() throws -> (ClaimCatalog, VerifyLock) {
        do {
            return (try ClaimCatalog.load(contentPath: content), try VerifyLock.load(path: lock))
        } catch let error as VerifyError {
            Output.error("error: \(error)")
        } catch {
            Output.error("\(error)")
        }
        throw ExitCode.failure
    }
}

/// stdout for results, stderr for diagnostics.
enum Output {
    static func line(_ text: String) { try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8)) }
    static func error(_ text: String) { try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8)) }

    static func print(_ report: VerifyReport) {
        for claim in report.claims { VerifyReport.consoleLines(claim).forEach(line) }
        for orphan in report.orphans {
            line(
                "✘ orphan    \(orphan)  a check exists but no article claims it; remove the check or restore the claim")
        }
        for warning in report.warnings { line("⚠ \(warning)") }
    }
}
