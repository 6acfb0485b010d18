import CFileSystem
import Foundation

/// Builds the search index with Pagefind (PyPI `pagefind[bin]`) over the finished site, so
/// search works offline with no server. Without Pagefind the site still builds, minus search.
public struct SearchIndexer: Sendable, Hashable {
    /// How Pagefind is started; `python3 -m pagefind` is how the PyPI package installs it.
    public var command: [String]

    public init(command: [String] = ["python3", "-m", "pagefind"]) {
        self.command = command
    }

    /// Indexes `folder` in place (into `folder/pagefind/`), or copies `previous` (the index of
    /// the site it replaces) when no indexed text changed.
    /// - Returns: `nil` when indexed, or a note when Pagefind is not installed (the build goes on).
    /// - Throws: when Pagefind failed or wrote an incomplete index: the site is not published.
    func index(_ folder: URL, previous: URL? = nil) throws(HelpCenterError) -> String? {
        let index = folder.appendingPathComponent("pagefind")
        let fingerprint = SearchIndexSource.fingerprint(of: folder, command: command)
        if let previous, SearchIndexSource.stored(in: previous) == fingerprint,
            (try? FileManager.default.copyItem(at: previous, to: index)) != nil
        {
            return nil
        }
        try? FileManager.default.removeItem(at: index)
        defer { SearchIndexSource.store(fingerprint, in: index) }
        if let note = run(["--site", folder.path], into: index) {
            guard note == Self.notInstalled else {
                throw HelpCenterError(
                    .error(note + "; the previous site is kept", at: SourceLocation(path: folder.path)))
            }
            return note
        }
        return nil
    }

    /// Indexes a live site again after some pages changed: the new index is written beside the
    /// site and swapped with `pagefind/` in one step, so search never sees half an index.
    /// `started` gets the Pagefind process, for a caller that may have to stop it; `exited`
    /// says when it is gone (its pid may then be another process's).
    public func reindex(
        _ site: URL, started: (TiedProcess) -> Void = { _ in }, exited: () -> Void = {}
    ) -> String? {
        let site = site.standardizedFileURL
        let staging = OutputSibling.searchIndex.url(next: site)
        let live = site.appendingPathComponent("pagefind")
        let fingerprint = SearchIndexSource.fingerprint(of: site, command: command)
        if SearchIndexSource.stored(in: live) == fingerprint { return nil }
        try? FileManager.default.removeItem(at: staging)
        if let note = run(
            ["--site", site.path, "--output-path", staging.path], into: staging, started: started, exited: exited)
        {
            try? FileManager.default.removeItem(at: staging)
            return note
        }
        SearchIndexSource.store(fingerprint, in: staging)
        let swapped =
            FileManager.default.fileExists(atPath: live.path)
            ? cfs_exchange(staging.path, live.path) == 0 : rename(staging.path, live.path) == 0
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: staging)
        return swapped ? nil : "search index not updated: cannot replace \(live.path): \(reason)"
    }

    /// Runs Pagefind writing into `index`, then checks what it wrote.
    /// - Returns: `nil` when the index is whole, else why not.
    private func run(
        _ arguments: [String], into index: URL, started: (TiedProcess) -> Void = { _ in }, exited: () -> Void = {}
    ) -> String? {
        guard let process = TiedProcess("/usr/bin/env", command + arguments) else { return Self.notInstalled }
        started(process)
        // Both pipes are drained at once, so neither can fill and stall Pagefind.
        let errors = process.errors
        let errorText = BackgroundWork { String(decoding: errors.readDataToEndOfFile(), as: UTF8.self) }
        let printed = String(decoding: process.output.readDataToEndOfFile(), as: UTF8.self)
        let message = errorText.value
        let status = process.waitForExit()
        exited()
        guard status == 0 else {
            if message.contains("No module named") || status == 127 { return Self.notInstalled }
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? "exit \(status)"
            return "search index not built: Pagefind failed: \(firstLine)"
        }
        let problems = PagefindOutput.problems(in: index, reportedPages: PagefindOutput.reportedPages(in: printed))
        guard problems.isEmpty else {
            return "search index not built: Pagefind's output is incomplete (a full disk?): "
                + problems.prefix(3).joined(separator: "; ")
        }
        return nil
    }

    static let notInstalled =
        "search index not built: Pagefind is not installed; run 'make' or 'pip install \"pagefind[bin]\"'"
}
