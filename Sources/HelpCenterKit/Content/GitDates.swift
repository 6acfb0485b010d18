import Foundation

/// The date of each file's last commit, read with one `git log` for the whole folder, so
/// "Last updated" never depends on the build's own time (and costs one process, not one per file).
enum GitDates {
    /// Absolute file path -> date of the newest commit touching it. Empty outside a repository.
    static func lastCommitDates(under folder: String) -> [String: Date] {
        read(under: folder) ?? [:]
    }

    /// The dates, or `nil` when `git` could not give them (not installed, not a repository, or
    /// refused, such as a repository owned by another user).
    static func read(under folder: String) -> [String: Date]? {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        guard
            let root = git(["rev-parse", "--show-toplevel"], in: absolute)?.trimmingCharacters(
                in: .whitespacesAndNewlines),
            !root.isEmpty,
            let log = git(["log", "--format=%x00%cI", "--name-only", "--no-renames", "--", "."], in: absolute)
        else { return nil }
        let formatter = ISO8601DateFormatter()
        var dates: [String: Date] = [:]
        var current: Date?
        for line in log.split(separator: "\n") {
            if line.hasPrefix("\u{0}") {
                current = formatter.date(from: String(line.dropFirst()))
            } else if let current {
                let path = URL(fileURLWithPath: root).appendingPathComponent(String(line)).path
                if dates[path] == nil { dates[path] = current }
            }
        }
        return dates
    }

    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
