import Foundation
import Synchronization
import ZoomAPI

/// Where log lines go; one lock so lines from many threads never interleave.
final class LogSink: Sendable {
    static let secrets = Mutex<Set<String>>([])
    private let handle: Mutex<FileHandle>

    init(path: String?) throws {
        guard let path else {
            handle = Mutex(FileHandle.standardError)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let file = FileHandle(forWritingAtPath: path)
        else { throw LogFileError(path: path) }
        handle = Mutex(file)
    }

    func write(_ line: String) {
        // Longest first: a secret that contains another must be hidden whole.
        let clean = Self.secrets.withLock { secrets in
            secrets.sorted { $0.count > $1.count }.reduce(Self.redactURLs(in: line)) {
                $0.replacingOccurrences(of: $1, with: Redaction.marker)
            }
        }
        handle.withLock { try? $0.write(contentsOf: Data((clean + "\n").utf8)) }
    }

    /// Every word of free text that carries a query (`...?a=b`) or user info (`://u:p@`) gets
    /// `Redaction.url`'s treatment, whatever precedes it (`uri=/cb?code=...`).
    static func redactURLs(in line: String) -> String {
        guard line.contains("?") || line.contains("@") else { return line }
        return line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.contains("?") || (word.contains("://") && word.contains("@"))
                ? Redaction.url(String(word)) : String(word)
        }.joined(separator: " ")
    }
}

/// `--log-file` could not be created.
public struct LogFileError: Error, CustomStringConvertible {
    let path: String
    public var description: String { "cannot create the log file \(path): check the folder exists and is writable" }
}
