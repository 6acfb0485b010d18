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

            Steps in the product's screens ("Log in to your … account", "click the X icon", …; the grammar \
            is in the README) are taken in headless Chromium (Debian's chromium and chromium-driver), \
            against the screens the integration serves beside the mock, or the deployed product with \
            --app-url (signing in as APP_USERNAME with APP_PASSWORD from the environment). Without a \
            browser those claims are blocked, never passed. Each step's screen is saved as a PNG \
            (--screenshots; by default beside --report), which `helpcenter build --verification` shows \
            under the step.

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

    @Option(
        help: ArgumentHelp(
            "Save each screen step's screenshot here, as CLAIM-ID.png (default: with --report FILE, the folder "
                + "FILE-screenshots beside it).", valueName: "dir"))
    var screenshots: String?

    @Option(
        name: .customLong("app-url"),
        help: ArgumentHelp(
            "Take the screen steps in the deployed product at this address (e.g. https://valhallgames.net), "
                + "signing in as APP_USERNAME with APP_PASSWORD from the environment.", valueName: "url"))
    var appURL: String?

    @Flag(
        name: .customLong("no-browser"),
        help: ArgumentHelp(
            "Leave out the steps in the product's screens, for a quick run of the other claims: they are "
                + "reported blocked, never passed."))
    var noBrowser = false

    @Flag(help: "Print what each check observed under its claim, whether it held (✓) or not (✗).")
    var evidence = false

    func validate() throws {
        if backend == .url && zoomURL == nil { throw ValidationError("--backend url needs --zoom-url URL") }
        if backend != .url && zoomURL != nil { throw ValidationError("--zoom-url is only for --backend url") }
        if backend == .mock && consent != nil { throw ValidationError("--consent is for the url and live backends") }
        if let appURL, URLComponents(string: appURL)?.host?.isEmpty != false {
            throw ValidationError(
                "--app-url needs an absolute address such as https://valhallgames.net, not '\(appURL)'")
        }
    }

    /// The deployed product's address and sign-in, when --app-url is given.
    private func deployedProduct(_ environment: [String: String]) throws -> ProductScreens? {
        guard let appURL else { return nil }
        guard let username = environment["APP_USERNAME"], let password = environment["APP_PASSWORD"] else {
            throw ValidationError(
                "--app-url needs APP_USERNAME and APP_PASSWORD in the environment: who the steps sign in as")
        }
        return ProductScreens(appURL: appURL, username: username, password: Secret(password))
    }

    /// --screenshots, or the folder beside the report.
    private var screenshotFolder: URL? {
        if let screenshots { return URL(fileURLWithPath: screenshots) }
        guard let report else { return nil }
        let file = URL(fileURLWithPath: report)
        return file.deletingLastPathComponent().appendingPathComponent(
            file.deletingPathExtension().lastPathComponent + "-screenshots")
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try logging.bootstrap(
            hiding: ["ZOOM_CLIENT_SECRET", "ZOOM_WEBHOOK_SECRET", "APP_PASSWORD"].compactMap { environment[$0] })
        let app = try deployedProduct(environment)
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
        var runner = VerifyRunner(catalog: catalog, lock: lock)
        runner.screens = ScreenOptions(
            mode: noBrowser ? .off(reason: "not taken: verify ran with --no-browser") : .browser(nil),
            screenshots: screenshotFolder, app: app)
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
        var result = await runner.run(backend: chosen) { [evidence] claim in
            VerifyReport.consoleLines(claim, evidence: evidence).forEach(Output.line)
        }
        if let seconds = result.screenStepsSeconds {
            let steps = result.claims.filter { runner.isScreenStep($0.id) }.count
            Output.line(String(format: "screen steps: %d in Chromium, %.2f s (browser start included)", steps, seconds))
        }
        result.screenshotFolder = result.screenshotFolder.map { relative($0, to: report) }
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

    /// `folder` as the report names it: relative to the report's own folder when inside it.
    private func relative(_ folder: String, to report: String?) -> String {
        guard let report else { return folder }
        let base = URL(fileURLWithPath: report).deletingLastPathComponent().standardizedFileURL.path + "/"
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
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
