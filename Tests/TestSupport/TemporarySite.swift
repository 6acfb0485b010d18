import Foundation

/// A help-center site in a fresh temporary folder: the repository's real `Templates/` and
/// `site.yml`, plus whatever content a test writes. Removed when the test drops it.
public final class TemporarySite: @unchecked Sendable {
    /// The site's root folder.
    public let root: URL

    /// The repository checkout the tests run from.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter copyRealContent: start from the repository's `Content/` instead of an empty one.
    public init(copyRealContent: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: url("Templates"))
        try manager.copyItem(at: Self.repository.appendingPathComponent("site.yml"), to: url("site.yml"))
        if copyRealContent {
            try manager.copyItem(at: Self.repository.appendingPathComponent("Content"), to: url("Content"))
        } else {
            try manager.createDirectory(at: url("Content"), withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A path inside the site.
    public func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    public func path(_ relative: String) -> String {
        url(relative).path
    }

    /// Writes `text` at `relative`, creating folders.
    public func write(_ relative: String, _ text: String) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Every file under `relative`, as sorted relative paths, with contents.
    public func tree(_ relative: String) throws -> [String: Data] {
        try Self.tree(at: url(relative))
    }

    /// Every file under `folder`, by relative path.
    public static func tree(at folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for item in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let file = folder.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[item] = try Data(contentsOf: file)
            }
        }
        return files
    }

    /// A small valid article.
    public func writeArticle(
        _ relative: String, title: String, extra: String = "", body: String = "Some text."
    ) throws {
        try write(relative, "---\ntitle: \(title)\n\(extra)---\n\(body)\n")
    }
}

/// Zoom's published Meeting API spec, vendored from shared/zoom with its SOURCE.md so tests
/// run from any checkout.
public enum ZoomSpecFile {
    public static let url = TemporarySite.repository.appendingPathComponent(
        "Tests/Fixtures/zoom/zoom-meeting-api.openapi.json")
}

/// Runs blocking work (a big build, a child process) on a thread of its own. Swift Testing runs
/// tests on the cooperative pool, which has one thread per core: two tests blocking it would
/// starve every async test's servers on a 2-core machine.
public func offThePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// The addresses a TCP port listens on, read from the kernel's socket tables (`/proc/net/tcp`
/// and `tcp6`), so a test can prove a server binds loopback only, whatever interfaces exist.
public enum ListeningSockets {
    public static func addresses(port: Int) -> [String] {
        var found: [String] = []
        for (table, isIPv6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
            let text = (try? String(contentsOfFile: table, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // local_address is "HEXADDR:HEXPORT"; state 0A is LISTEN.
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, Int(local[1], radix: 16) == port else { continue }
                found.append(isIPv6 ? "ipv6:" + local[0] : ipv4(String(local[0])))
            }
        }
        return found
    }

    /// `0100007F` (little-endian hex) -> `127.0.0.1`.
    private static func ipv4(_ hex: String) -> String {
        guard let value = UInt32(hex, radix: 16) else { return hex }
        return (0..<4).map { String((value >> (8 * $0)) & 0xFF) }.joined(separator: ".")
    }
}
