import Foundation

extension MockZoomServer {
    /// The mock's answer to one request without a socket: the fuzzer and tests drive the request
    /// parsing (query, form, JSON bodies, auth headers) with arbitrary bytes this way.
    /// `headers` names are matched lower-cased, as the HTTP server hands them over.
    public func respond(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8]
    ) async -> (status: Int, body: [UInt8]) {
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        let answer = await engine.handle(
            MockRequest(method: method, path: path, query: query, headers: lowered, body: body))
        return (answer.status, answer.body)
    }
}
