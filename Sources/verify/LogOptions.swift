import ArgumentParser
import DocVerify
import Foundation
import Logging
import MockZoom

/// `--log-level` and `--log-file`, shared by `run` and `mock-zoom`: HTTP exchanges at debug,
/// redacted bodies at trace, never a token or secret.
struct LogOptions: ParsableArguments {
    @Option(
        name: .customLong("log-level"),
        help: ArgumentHelp(
            "How much to log: debug shows every Zoom request, trace adds their redacted bodies.", valueName: "level"))
    var levelName: LevelName = .warning

    /// swift-log's levels, spelled as on the command line.
    enum LevelName: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical
    }

    var level: Logger.Level { Logger.Level(rawValue: levelName.rawValue) ?? .warning }

    @Option(
        name: .customLong("log-file"), help: ArgumentHelp("Write the log here instead of stderr.", valueName: "file"))
    var file: String?

    /// Routes every logger through the redacting handler; `secrets` are hidden from every line.
    func bootstrap(hiding secrets: [String]) throws {
        for secret in secrets + [RegisteredApp().clientSecret, RegisteredApp().webhookSecret] {
            RedactingLogHandler.register(secret: secret)
        }
        do {
            try RedactingLogHandler.bootstrap(level: level, file: file)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// For servers that take a logger: at the chosen level.
    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
