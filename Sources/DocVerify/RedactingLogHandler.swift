import Foundation
import Logging
import Synchronization
import ZoomAPI

/// `verify`'s log lines: a timestamp, the level, the source, the message, to stderr or a file.
/// Every line passes a last filter that hides credentials (URL query values and the secrets
/// the program registered), whatever a library chose to log.
public struct RedactingLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let sink: LogSink

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let details =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        sink.write("\(time) \(event.level) \(label): \(event.message)\(details)")
    }

    /// Sends every `Logger` of the process through the filter, at `level`, into `file`
    /// (stderr when `nil`). Call once, first thing.
    public static func bootstrap(level: Logger.Level, file: String?) throws {
        let sink = try LogSink(path: file)
        LoggingSystem.bootstrap { label in RedactingLogHandler(logLevel: level, label: label, sink: sink) }
    }

    /// A value that must never appear in a log line (client secret, webhook secret, ...).
    public static func register(secret: String) {
        guard secret.count >= 4 else { return }
        LogSink.secrets.withLock { _ = $0.insert(secret) }
    }
}
