import CurlHTTP
import Foundation
import HelpCenterKit
import TestSupport
import Testing

@testable import HelpCenterServe

/// `helpcenter serve` facing a hostile page or client: DNS rebinding, other methods, a
/// connection that never finishes its headers; and folders linked without their slash.
@Suite("helpcenter serve, hardened")
struct PreviewHardeningTests {
    func withServer(_ body: (PreviewServer) async throws -> Void) async throws {
        let site = try TemporarySite(copyRealContent: true)
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"),
            outputPath: site.path("Public"), configPath: site.path("site.yml"))
        options.searchIndexer = nil
        let server = PreviewServer(options: options, headerTimeout: .seconds(1))
        try await server.start(port: 0)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func send(
        _ method: HTTPRequest.Method, _ url: String, headers: [(name: String, value: String)] = []
    ) async throws -> HTTPResponse {
        try await CurlHTTPClient().send(HTTPRequest(method, url, headers: headers))
    }

    @Test("a Host other than the loopback address or localhost is refused (DNS rebinding)")
    func hostChecked() async throws {
        try await withServer { server in
            let port = server.baseURL.split(separator: ":").last ?? ""
            let page = server.baseURL + "/integrations/using-zoom/"
            let rebound = try await send(.get, page, headers: [("Host", "evil.example:\(port)")])
            #expect(rebound.status == 403)
            #expect(!rebound.bodyText.contains("Zoom"))
            #expect(try await send(.get, page, headers: [("Host", "localhost:\(port)")]).status == 200)
            #expect(try await send(.get, page).status == 200)
        }
    }

    @Test("only GET and HEAD: other methods get 405 with Allow")
    func methods() async throws {
        try await withServer { server in
            let page = server.baseURL + "/integrations/using-zoom/"
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let answer = try await send(method, page)
                #expect(answer.status == 405, "\(method)")
                #expect(answer.header("Allow") == "GET, HEAD")
            }
            #expect(try await send(.head, page).status == 200)
        }
    }

    @Test("a folder without its trailing slash redirects (301) to the slash form, query kept")
    func folderRedirect() async throws {
        try await withServer { server in
            let answer = try await send(.get, server.baseURL + "/integrations/using-zoom?x=1")
            #expect(answer.status == 301)
            #expect(answer.header("Location") == "/integrations/using-zoom/?x=1")
            #expect(try await send(.get, server.baseURL + "/no-such-folder").status == 404)
        }
    }

    @Test("the build-error page escapes what a diagnostic quotes")
    func errorPageEscapes() {
        let hostile = #"<img src=x onerror="alert(1)">"#
        let page = ErrorPage.html(
            [.error("unknown key \(hostile)", at: SourceLocation(path: "Content/<b>.md", line: 1))], generation: 1)
        #expect(!page.contains(hostile) && !page.contains("<b>"))
        #expect(page.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"))
    }

    @Test("a connection that never finishes its headers is closed")
    func headerTimeout() async throws {
        try await withServer { server in
            let port = try #require(UInt16(server.baseURL.split(separator: ":").last ?? ""))
            let closed = try await offThePool { try Self.isClosedAfterPartialHeaders(port: port, wait: 4) }
            #expect(closed, "the server still held a half-sent request after 4 s")
        }
    }

    /// Sends half a request line and waits: `true` when the server hangs up within `wait` seconds.
    static func isClosedAfterPartialHeaders(port: UInt16, wait: Int) throws -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return false }
        let partial = Array("GET / HTTP/1.1\r\nHost: 127".utf8)
        _ = partial.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 256)
        return read(descriptor, &buffer, buffer.count) == 0
    }
}
