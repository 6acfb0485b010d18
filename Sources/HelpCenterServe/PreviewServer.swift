import Foundation
import HelpCenterKit
import LoopbackHTTP
import Synchronization

/// `helpcenter serve`: builds the site, serves it on 127.0.0.1, rebuilds when Content/,
/// Templates/ or site.yml change, and makes open pages reload. A failed build is shown in
/// the browser; the server keeps running.
public final class PreviewServer: Sendable {
    public let options: BuildOptions
    /// Whether pages get the script that reloads them after a rebuild.
    public let liveReload: Bool
    let state = BuildState()
    private let log: @Sendable (String) -> Void
    private let running = Mutex<(server: LoopbackServer?, watch: Task<Void, any Error>?, watcher: SourceWatcher?)>(
        (nil, nil, nil))
    /// Builds go without search; the index follows on another thread (see `SearchRefresher`).
    private let search: SearchRefresher?
    /// What each build keeps for the next; it trusts reported changes only from the kernel.
    private let memory = Mutex(BuildMemory(trustsReportedChanges: false))
    private let changes: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)

    /// Whether to poll for changes rather than ask the kernel (folders on network or container
    /// mounts, whose changes inotify may not see).
    public let polls: Bool

    /// Whether builds leave their structures to be freed after the page is reported
    /// (`ProcessLifetime`), which the process-wide switch makes right for the command only.
    public let freesAfterReporting: Bool

    /// How long a connection may sit on an unfinished request before it is closed.
    public let headerTimeout: Duration

    public init(
        options: BuildOptions, liveReload: Bool = true, polls: Bool = false, freesAfterReporting: Bool = false,
        headerTimeout: Duration = .seconds(10), log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.options = options
        self.headerTimeout = headerTimeout
        self.liveReload = liveReload
        self.polls = polls
        self.freesAfterReporting = freesAfterReporting
        self.log = log
        search = options.searchIndexer.map { SearchRefresher(indexer: $0, site: options.outputPath, log: log) }
        // One pending change is enough: the build after it reads every change made meanwhile.
        changes = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: String { running.withLock { $0.server?.baseURL ?? "" } }

    /// Builds once, binds 127.0.0.1:`port` (0 picks one) and starts watching.
    public func start(port: Int = 8080) async throws {
        // Watching starts first, so a save during the first build is not missed.
        let watcher = startWatching()
        memory.withLock { $0 = BuildMemory(trustsReportedChanges: watcher != nil) }
        if freesAfterReporting { ProcessLifetime.keepBuildState() }
        await rebuild()
        let server: LoopbackServer
        do {
            server = try await LoopbackServer.start(
                PreviewResponder(
                    files: StaticFiles(root: URL(fileURLWithPath: options.outputPath).standardizedFileURL),
                    state: state, liveReload: liveReload),
                port: port, serverName: "helpcenter", idleTimeout: headerTimeout,
                logger: LoopbackServer.quietLogger("helpcenter.serve"))
        } catch {
            watcher?.stop()
            search?.stop()
            throw HelpCenterError(.error("cannot listen on 127.0.0.1:\(port)", at: SourceLocation(path: "serve")))
        }
        let watchTask = Task { [self] in
            if watcher == nil { try await poll() }
            for await _ in changes.stream { await rebuild() }
        }
        running.withLock { $0 = (server, watchTask, watcher) }
    }

    public func stop() async {
        let (server, watch, watcher) = running.withLock { state in
            defer { state = (nil, nil, nil) }
            return state
        }
        watcher?.stop()
        watch?.cancel()
        changes.continuation.finish()
        // A rebuild under way finishes first: it would start the search index again.
        _ = await watch?.result
        await server?.stop()
        search?.stop()
    }

    /// Rebuilds now, recording success or the diagnostics; then brings search up to date.
    func rebuild() async {
        let started = ContinuousClock.now
        search?.stop()
        var pagesOnly = options
        pagesOnly.searchIndexer = nil
        var builder = SiteBuilder(options: pagesOnly)
        builder.memory = memory.withLock { $0 }
        let result = Result { () throws(HelpCenterError) in try builder.build() }
        await state.record(result)
        // What the build kept goes now, off the way.
        if freesAfterReporting { Thread { ProcessLifetime.freeKept() }.start() }
        switch result {
        case .success(let report):
            log(
                "rebuilt \(report.rendered) of \(report.pages) pages in \((ContinuousClock.now - started).formatted(.units(allowed: [.milliseconds])))"
            )
            search?.start()
        case .failure(let error):
            log(error.description)
        }
    }

    /// Watches the sources through the kernel (`SourceWatcher`), or returns `nil` when it cannot:
    /// then `poll` compares the sources' names, sizes and times four times a second.
    private func startWatching() -> SourceWatcher? {
        guard !polls else { return nil }
        do {
            return try SourceWatcher(
                folders: [options.contentPath, options.templatesPath], configPath: options.configPath,
                onPath: { [self] path in memory.withLock { $0 }.noteChange(at: path) },
                onChange: { [changes] in changes.continuation.yield() })
        } catch {
            log("note: \(error); checking for changes four times a second instead")
            return nil
        }
    }

    private func poll() async throws {
        var last = SourceSignature.of(options)
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(250))
            let current = SourceSignature.of(options)
            if current != last {
                last = current
                await rebuild()
            }
        }
    }
}

/// What the watcher compares between polls.
enum SourceSignature {
    static func of(_ options: BuildOptions) -> [String: String] {
        var signature: [String: String] = [:]
        for folder in [options.contentPath, options.templatesPath] {
            for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
                let path = folder + "/" + relative
                if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
                    signature[path] = "\(attributes[.size] ?? 0)@\(attributes[.modificationDate] ?? "")"
                }
            }
        }
        let config = try? FileManager.default.attributesOfItem(atPath: options.configPath)
        signature[options.configPath] = "\(config?[.size] ?? 0)@\(config?[.modificationDate] ?? "")"
        return signature
    }
}
