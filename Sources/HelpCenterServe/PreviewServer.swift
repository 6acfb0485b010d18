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
    private let running = Mutex<(server: LoopbackServer?, watch: Task<Void, any Error>?)>((nil, nil))

    public init(options: BuildOptions, liveReload: Bool = true, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.liveReload = liveReload
        self.log = log
    }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: String { running.withLock { $0.server?.baseURL ?? "" } }

    /// Builds once, binds 127.0.0.1:`port` (0 picks one) and starts watching.
    public func start(port: Int = 8080) async throws {
        await rebuild()
        let server: LoopbackServer
        do {
            server = try await LoopbackServer.start(
                PreviewResponder(
                    files: StaticFiles(root: URL(fileURLWithPath: options.outputPath).standardizedFileURL),
                    state: state, liveReload: liveReload),
                port: port, serverName: "helpcenter", logger: LoopbackServer.quietLogger("helpcenter.serve"))
        } catch {
            throw HelpCenterError(.error("cannot listen on 127.0.0.1:\(port)", at: SourceLocation(path: "serve")))
        }
        let watchTask = Task { [self] in try await watch() }
        running.withLock { $0 = (server, watchTask) }
    }

    public func stop() async {
        let (server, watch) = running.withLock { state in
            defer { state = (nil, nil) }
            return state
        }
        watch?.cancel()
        await server?.stop()
    }

    /// Rebuilds now, recording success or the diagnostics.
    func rebuild() async {
        let started = ContinuousClock.now
        let result = Result { () throws(HelpCenterError) in try SiteBuilder(options: options).build() }
        await state.record(result)
        switch result {
        case .success(let report):
            log(
                "rebuilt \(report.pages) pages in \((ContinuousClock.now - started).formatted(.units(allowed: [.milliseconds])))"
            )
        case .failure(let error):
            log(error.description)
        }
    }

    /// Polls the sources' names, sizes and times; any change triggers a rebuild.
    private func watch() async throws {
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
