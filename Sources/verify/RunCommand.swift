import ArgumentParser
import CommandLineSupport
import DocVerify
import Foundation
import ZoomAPI

/// `verify` / `verify run`: every claim's check against a backend.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Verify every claim of the articles against Zoom (default: an embedded mock).",
        discussion: """
            Backends: mock (Mock Zoom in-process on 127.0.0.1), url (a running Mock Zoom or any \
            Zoom-compatible server at --zoom-url), live (the real Zoom). url and live read \
            ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_WEBHOOK_SECRET and ZOOM_REDIRECT_URI from the \
            environment (url falls back to verify mock-zoom's defaults); live also reads ZOOM_OAUTH_URL \
            (default https://zoom.us) and ZOOM_API_URL (default https://api.zoom.us; a token's api_url wins).

            Calls to Zoom are paced to stay under the plan's per-second limits (--zoom-plan); Zoom's \
            per-second 429 is backed off and retried, its daily limit never is. A claim is verified, \
            failed (the product contradicts the sentence) or blocked (it could not be checked now: \
            a Zoom limit, Zoom unreachable), with the reason and when to try again. Runs against \
            Zoom delete every meeting they created, also when interrupted (Ctrl-C, SIGTERM).

            Exit status: 0 every claim verified (manual ones aside); 1 a claim failed, drifted, \
            is unbound, duplicated or asserted nothing, or a check has no claim; 3 nothing failed \
            but some claims are blocked; 64 bad usage; 130 interrupted.
            """)

    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case mock, url, live
    }

    @OptionGroup var claims: ClaimOptions
    @OptionGroup var logging: LogOptions

    @Option(help: "Where Zoom is: mock, url or live.")
    var backend: Backend = .mock

    @Option(
        name: .customLong("zoom-plan"),
        help: ArgumentHelp(
            "The Zoom account's plan, which sets the per-second limits calls are paced to: free, pro, business "
                + "or unlimited (default: free for url and live; the embedded mock is unlimited unless this is given, "
                + "and then enforces it).", valueName: "plan"))
    var zoomPlan: ZoomPlan?

    @Option(name: .customLong("zoom-url"), help: "The server for --backend url, e.g. http://127.0.0.1:8089.")
    var zoomURL: String?

    @Option(help: "auto: take Zoom's redirect ourselves; browser: print the URL and wait (default for live).")
    var consent: RemoteBackend.Consent?

    @Option(
        help: ArgumentHelp(
            "Keep the integration's state under this folder (default: a temp folder, removed).", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("Write the canonical JSON report here.", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("Write JUnit XML here, each case with its sentence and evidence.", valueName: "file"))
    var junit: String?

    @Flag(help: "Print what each check observed under its claim, whether it held (✓) or not (✗).")
    var evidence = false

    func validate() throws {
        if backend == .url && zoomURL == nil { throw ValidationError("--backend url needs --zoom-url URL") }
        if backend != .url && zoomURL != nil { throw ValidationError("--zoom-url is only for --backend url") }
        if backend == .mock && consent != nil { throw ValidationError("--consent is for the url and live backends") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try logging.bootstrap(hiding: ["ZOOM_CLIENT_SECRET", "ZOOM_WEBHOOK_SECRET"].compactMap { environment[$0] })
        let (catalog, lock) = try claims.load()
        let chosen: any VerifyBackend
        do {
            chosen = try BackendFactory.make(
                backend.rawValue, zoomURL: zoomURL, consent: consent, stateRoot: state.map { URL(fileURLWithPath: $0) },
                environment: ProcessInfo.processInfo.environment, plan: zoomPlan)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode.failure
        }
        let runner = VerifyRunner(catalog: catalog, lock: lock)
        let interruption = Task.detached { [chosen] in
            await TerminationSignal.wait()
            Output.error("interrupted: finishing the check under way and cleaning up what the run created at Zoom")
            chosen.housekeeping.requestStop()
            // A check that does not end in time is cleaned up from here.
            try? await Task.sleep(for: .seconds(20))
            await chosen.housekeeping.runPendingCleanups()
            chosen.usageSummary().forEach(Output.line)
            Foundation.exit(130)
        }
        defer { interruption.cancel() }
        let result = await runner.run(backend: chosen) { [evidence] claim in
            VerifyReport.consoleLines(claim, evidence: evidence).forEach(Output.line)
        }
        for orphan in result.orphans { Output.line("✘ orphan    \(orphan)  a check exists but no article claims it") }
        for warning in result.warnings { Output.line("⚠ \(warning)") }
        chosen.usageSummary().forEach(Output.line)
        if chosen.housekeeping.stopRequested {
            Output.line("interrupted after \(result.claims.count) of \(catalog.entries.count) claims")
            throw ExitCode(130)
        }
        Output.line(result.summary)
        try write(result.json(), to: report)
        try write(Data(result.junit().utf8), to: junit)
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }

    private func write(_ data: Data, to path: String?) throws {
        guard let path else { return }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Output.error("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}

extension RemoteBackend.Consent: ExpressibleByArgument {}
extension ZoomPlan: ExpressibleByArgument {}
