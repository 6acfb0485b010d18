import Foundation
import Synchronization
import TestSupport
import Testing

@testable import HelpCenterServe

/// The kernel's reports of changed sources, through real inotify on real folders.
@Suite("helpcenter serve: watching sources")
struct SourceWatcherTests {
    /// Counts the watcher's change signals, and waits for the next one.
    final class Changes: Sendable {
        private let count = Mutex(0)
        /// Every path reported so far (`nil` for an unknown change).
        let paths = Mutex<[String?]>([])

        func signal() { count.withLock { $0 += 1 } }

        var seen: Int { count.withLock { $0 } }

        /// Waits until more than `after` changes were signalled, up to `timeout`; returns the count.
        func wait(after: Int, timeout: Duration = .seconds(5)) async throws -> Int {
            let deadline = ContinuousClock.now + timeout
            while seen <= after, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            return seen
        }
    }

    func watching(_ body: (TemporarySite, Changes) async throws -> Void) async throws {
        let site = try TemporarySite()
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\n---\n")
        let changes = Changes()
        let watcher = try SourceWatcher(
            folders: [site.path("Content"), site.path("Templates")], configPath: site.path("site.yml"),
            onPath: { path in changes.paths.withLock { $0.append(path) } },
            onChange: { changes.signal() })
        defer { watcher.stop() }
        try await body(site, changes)
    }

    @Test("a saved article, template and configuration file are each reported")
    func savedFiles() async throws {
        try await watching { site, changes in
            try site.write("Content/guides/new.md", "---\ntitle: New\n---\nText\n")
            #expect(try await changes.wait(after: 0) == 1)
            try site.write("Templates/article.mustache", "{{title}}")
            #expect(try await changes.wait(after: 1) == 2)
            try site.write("site.yml", try site.read("site.yml") + "\n")
            #expect(try await changes.wait(after: 2) == 3)
            try FileManager.default.removeItem(atPath: site.path("Content/guides/new.md"))
            #expect(try await changes.wait(after: 3) == 4)
            // Each change is reported with its path, as `BuildMemory` needs to place it.
            let reported = Set(changes.paths.withLock { $0 }.compactMap { $0 })
            let real = { (relative: String) in URL(fileURLWithPath: site.path(relative)).standardizedFileURL.path }
            #expect(
                reported
                    == [real("Content/guides/new.md"), real("Templates/article.mustache"), real("site.yml")])
            #expect(!changes.paths.withLock { $0 }.contains(nil))
        }
    }

    @Test("a folder made after the start is watched, and so are the folders made inside it")
    func newFolders() async throws {
        try await watching { site, changes in
            try FileManager.default.createDirectory(
                atPath: site.path("Content/later/deeper"), withIntermediateDirectories: true)
            let afterFolders = try await changes.wait(after: 0)
            #expect(afterFolders >= 1)
            try await Task.sleep(for: .milliseconds(100))
            let settled = changes.seen
            try site.write("Content/later/deeper/article.md", "---\ntitle: Deep\n---\n")
            #expect(try await changes.wait(after: settled) == settled + 1)
        }
    }

    @Test("files that no build reads are not changes: hidden files, and others beside the configuration")
    func unreadFiles() async throws {
        try await watching { site, changes in
            try site.write("Content/guides/.article.md.swp", "editor state")
            try site.write("notes.txt", "beside site.yml, not read")
            try site.write("Templates/.hidden", "x")
            #expect(try await changes.wait(after: 0, timeout: .milliseconds(500)) == 0)
            // The watcher is still alive: the next real change is reported.
            try site.write("Content/guides/article.md", "---\ntitle: A\n---\n")
            #expect(try await changes.wait(after: 0) == 1)
        }
    }

    @Test("one save is one change, however many events it makes; a file held open counts after a grace")
    func batches() async throws {
        try await watching { site, changes in
            // Create, write in pieces, close: one batch.
            let handle = try #require(FileHandle(forWritingAtPath: site.path("Content/guides/_index.md")))
            for piece in ["---\n", "title: Guides again\n", "---\n"] {
                try handle.write(contentsOf: Data(piece.utf8))
            }
            // Written but not closed yet: reported only after the grace (100 ms) with no close.
            let written = ContinuousClock.now
            #expect(try await changes.wait(after: 0) == 1)
            #expect(ContinuousClock.now - written >= .milliseconds(90))
            try handle.close()
            #expect(try await changes.wait(after: 1) == 2)
            try await Task.sleep(for: .milliseconds(300))
            #expect(changes.seen == 2)
        }
    }

    @Test(
        "a link to a parent folder is watched once (followed, two links would take 2^40 walks)", .timeLimit(.minutes(1))
    )
    func linkLoops() async throws {
        let site = try TemporarySite()
        try site.write("Content/guides/a.md", "---\ntitle: A\n---\n")
        try FileManager.default.createSymbolicLink(atPath: site.path("Content/guides/up"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.path("Content/guides/up2"), withDestinationPath: "..")
        let changes = Changes()
        let watcher = try SourceWatcher(
            folders: [site.path("Content")], configPath: site.path("site.yml"),
            onPath: { path in changes.paths.withLock { $0.append(path) } },
            onChange: { changes.signal() })
        defer { watcher.stop() }
        try site.write("Content/guides/a.md", "---\ntitle: A again\n---\n")
        #expect(try await changes.wait(after: 0) == 1)
    }

    @Test("after stop, nothing more is reported")
    func stops() async throws {
        let site = try TemporarySite()
        let changes = Changes()
        let watcher = try SourceWatcher(folders: [site.path("Content")], configPath: site.path("site.yml")) {
            changes.signal()
        }
        watcher.stop()
        try await Task.sleep(for: .milliseconds(400))
        try site.write("Content/after.md", "---\ntitle: After\n---\n")
        #expect(try await changes.wait(after: 0, timeout: .milliseconds(500)) == 0)
    }

    @Test("records are split as the kernel lays them out, names without their NUL padding")
    func records() {
        func record(watch: Int32, mask: UInt32, name: String, padded: Int) -> [UInt8] {
            func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            let nameBytes = Array(name.utf8) + [UInt8](repeating: 0, count: padded - name.utf8.count)
            return word(UInt32(bitPattern: watch)) + word(mask) + word(0) + word(UInt32(padded)) + nameBytes
        }
        let bytes =
            record(watch: 3, mask: 0x8, name: "a.md", padded: 16)
            + record(watch: 1, mask: 0x4000_0100, name: "", padded: 0)
            + record(watch: 7, mask: 0x2, name: "é.md", padded: 32)
        let events = SourceWatcher.events(in: bytes[...])
        #expect(events.map(\.watch) == [3, 1, 7])
        #expect(events.map(\.mask) == [0x8, 0x4000_0100, 0x2])
        #expect(events.map(\.name) == ["a.md", "", "é.md"])
    }
}
