import Foundation

/// Builds the search index with Pagefind (PyPI `pagefind[bin]`) over the finished site, so
/// search works offline with no server. Without Pagefind the site still builds, minus search.
public struct SearchIndexer: Sendable, Hashable {
    /// How Pagefind is started; `python3 -m pagefind` is how the PyPI package installs it.
    public var command: [String]

    public init(command: [String] = ["python3", "-m", "pagefind"]) {
        self.command = command
    }

    /// Indexes `folder` in place (into `folder/pagefind/`).
    /// - Returns: `nil` when indexed, else a note for the writer (the build goes on).
    func index(_ folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + ["--site", folder.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return Self.notInstalled
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        if message.contains("No module named") || process.terminationStatus == 127 { return Self.notInstalled }
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
        return "search index not built: Pagefind failed: \(firstLine)"
    }

    static let notInstalled =
        "search index not built: Pagefind is not installed; run 'make' or 'pip install \"pagefind[bin]\"'"
}
