import ArgumentParser
import CommandLineSupport
import Foundation
import MockZoom
import ZoomAPI

/// `verify mock-zoom`: Mock Zoom as a standalone server, for manual walks and for `verify --backend url`.
struct MockZoomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-zoom",
        abstract: "Run a mock Zoom (OAuth, Meeting API, webhooks) on 127.0.0.1.",
        discussion: """
            OAuth is served at /oauth/authorize, /oauth/token and /oauth/revoke, the API at /v2/..., \
            and the mock's controls at /_mock/: GET /_mock/journal, POST /_mock/faults \
            (fault=rate-limit|500|503|delay=MS|drop|created-response-lost|expired-token|revoked-token, \
            optional method=, path=, times=), POST /_mock/clock/advance?seconds=N, \
            POST /_mock/marketplace/uninstall, GET /_mock/webhooks, GET /_mock/meetings, \
            GET /_mock/credentials (every code and token issued, for leak tests), GET /_mock/rate-limits \
            (per category: the plan's limit, the busiest second seen, requests refused). \
            A request header X-Mock-Fault applies a fault to that request only.

            Prints "listening on http://127.0.0.1:PORT" once ready; stops on Ctrl-C or SIGTERM.
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8089

    @Option(help: "The address to listen on. Only loopback addresses are sensible.")
    var host = "127.0.0.1"

    @Option(name: .customLong("client-id"), help: "The registered app's client ID.")
    var clientID = RegisteredApp().clientID

    @Option(name: .customLong("client-secret"), help: "The registered app's client secret.")
    var clientSecret = RegisteredApp().clientSecret

    @Option(name: .customLong("redirect-uri"), help: "A redirect URL on the app's allow list (repeatable).")
    var redirectURIs: [String] = RegisteredApp().redirectURIs

    @Option(name: .customLong("webhook-url"), help: "Where app_deauthorized is POSTed (default: no subscription).")
    var webhookURL: String?

    @Option(name: .customLong("webhook-secret"), help: "The app's webhook secret token (HMAC key).")
    var webhookSecret = RegisteredApp().webhookSecret

    @Option(help: "automatic: consent at once; page: show Allow/Decline.")
    var consent = "automatic"

    @Option(
        name: .customLong("fault"), help: "A fault for every request of this run, e.g. 503 or delay=2000 (repeatable).")
    var faults: [String] = []

    @Option(
        help: ArgumentHelp(
            "The account's plan, whose per-second limits per rate-limit category are enforced with Zoom's 429: "
                + "free (Light 4/s, Medium 2/s), pro (30/s, 20/s), business (80/s, 60/s) or unlimited.",
            valueName: "plan"))
    var plan: ZoomPlan = .unlimited

    @Option(help: "Meetings one user may create per UTC day; past it, Zoom's daily 429 with Retry-After.")
    var dailyCreateLimit = 100

    @Option(help: "Answer 503 to the first N /oauth/revoke calls for each token.")
    var revokeFailures = 0

    @Option(
        help: ArgumentHelp(
            "Expire each access token after N API calls (Zoom's 'Access token is expired.').", valueName: "n"))
    var expireTokensAfterCalls: Int?

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard MockZoomConfiguration.ConsentMode(rawValue: consent) != nil else {
            throw ValidationError("--consent must be 'automatic' or 'page'")
        }
        guard dailyCreateLimit >= 0, revokeFailures >= 0, (expireTokensAfterCalls ?? 1) >= 1 else {
            throw ValidationError(
                "--daily-create-limit and --revoke-failures take 0 or more, --expire-tokens-after-calls 1 or more")
        }
        for fault in faults where Fault(fault) == nil {
            throw ValidationError("unknown --fault '\(fault)'; see --help for the list")
        }
    }

    func run() async throws {
        try logging.bootstrap(hiding: [clientSecret, webhookSecret])
        let app = RegisteredApp(
            clientID: clientID, clientSecret: clientSecret, redirectURIs: redirectURIs, webhookURL: webhookURL,
            webhookSecret: webhookSecret)
        let configuration = MockZoomConfiguration(
            app: app, consent: MockZoomConfiguration.ConsentMode(rawValue: consent) ?? .automatic,
            faults: faults.compactMap(Fault.init).map { FaultRule($0) }, plan: plan,
            dailyCreateLimit: dailyCreateLimit, revokeFailuresPerToken: revokeFailures,
            accessTokenCallLimit: expireTokensAfterCalls)
        let server = MockZoomServer(configuration: configuration)
        do {
            try await server.start(host: host, port: port, logger: logging.logger("mock-zoom"))
        } catch {
            try? FileHandle.standardError.write(
                contentsOf: Data("error: cannot listen on \(host):\(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
        try? FileHandle.standardOutput.write(contentsOf: Data("listening on \(server.baseURL)\n".utf8))
        try? FileHandle.standardError.write(
            contentsOf:
                Data("app \(clientID), redirect \(redirectURIs.joined(separator: ", ")); Ctrl-C stops\n".utf8))
        await TerminationSignal.wait()
        await server.stop()
    }
}
