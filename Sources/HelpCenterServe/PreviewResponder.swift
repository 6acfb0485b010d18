import Foundation
import HTTPTypes
import HelpCenterKit
import Hummingbird

/// Serves the built site, the reload long-poll, and build errors.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let files: StaticFiles
    let state: BuildState
    let liveReload: Bool

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        // A page on another site can make the browser send here (DNS rebinding): answer only
        // requests addressed to this machine by its loopback names.
        guard Self.isLoopbackHost(request.head.authority) else {
            return Self.response(
                .forbidden, "text/plain; charset=utf-8",
                "This preview answers only to 127.0.0.1, localhost or [::1].\n")
        }
        guard request.method == .get || request.method == .head else {
            var answer = Self.response(.methodNotAllowed, "text/plain; charset=utf-8", "Only GET and HEAD.\n")
            answer.headers[.allow] = "GET, HEAD"
            return answer
        }
        let path = request.uri.path
        if path == "/__livereload" {
            let since = Int(request.uri.queryParameters["since"].map(String.init) ?? "") ?? -1
            let generation = await state.waitForChange(since: since, timeout: .seconds(25))
            return Self.response(.ok, "application/json", #"{"generation":\#(generation)}"#)
        }
        let generation = await state.generation
        if let failure = await state.failure, Self.isPage(path) {
            return Self.response(
                .internalServerError, "text/html; charset=utf-8", ErrorPage.html(failure, generation: generation))
        }
        if case .folderWithoutSlash = files.lookup(request.uri.string) {
            // Relative links inside the page resolve against the slash form only.
            let query = request.uri.query.map { "?" + $0 } ?? ""
            var answer = Self.response(.movedPermanently, "text/plain; charset=utf-8", "")
            answer.headers[.location] = path + "/" + query
            return answer
        }
        guard case .file(let url) = files.lookup(request.uri.string) else {
            let notFound = files.lookup("/404.html")
            if case .file(let page) = notFound, let html = try? String(contentsOf: page, encoding: .utf8) {
                return Self.response(
                    .notFound, "text/html; charset=utf-8",
                    liveReload ? LiveReload.inject(into: html, generation: generation) : html)
            }
            return Self.response(.notFound, "text/plain; charset=utf-8", "Not found\n")
        }
        let type = StaticFiles.contentType(for: url)
        guard let data = try? Data(contentsOf: url) else {
            return Self.response(.notFound, "text/plain", "Not found\n")
        }
        if type.hasPrefix("text/html") {
            return Self.response(
                .ok, type,
                liveReload
                    ? LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: generation)
                    : String(decoding: data, as: UTF8.self))
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `127.0.0.1`, `localhost` or `[::1]`, with any port.
    static func isLoopbackHost(_ host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") {
            host = String(host.prefix { $0 != "]" }.dropFirst())
            return host == "::1"
        }
        host = String(host.prefix { $0 != ":" })
        return ["127.0.0.1", "localhost"].contains(host)
    }

    static func isPage(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return !last.contains(".") || last.hasSuffix(".html")
    }

    static func response(_ status: HTTPResponse.Status, _ type: String, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// The few lines that make an open page reload after a rebuild (served locally, never in Public/).
enum LiveReload {
    static func script(generation: Int) -> String {
        """
        <script>(function(){var g=\(generation);function poll(){fetch('/__livereload?since='+g).then(function(r){return r.json()})\
        .then(function(d){if(d.generation!==g){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>
        """
    }

    static func inject(into html: String, generation: Int) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else {
            return html + script(generation: generation)
        }
        return html.replacingCharacters(in: end, with: script(generation: generation) + "\n</body>")
    }
}

/// The browser's view of a failed build: every diagnostic, and it reloads when fixed.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], generation: Int) -> String {
        let items = diagnostics.map { "<li><code>\(MarkupEscaping.escape($0.description))</code></li>" }.joined(
            separator: "\n")
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1f24}code{white-space:pre-wrap}li{margin:.5rem 0}</style>
            </head><body><h1>The help center did not build</h1><p>Fix these and save; this page reloads by itself.</p>
            <ul>\(items)</ul>\(LiveReload.script(generation: generation))</body></html>
            """
    }
}
