import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ZoomAPI

/// Adapts Hummingbird's requests to the engine's plain values and back.
struct MockZoomResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let engine: MockZoomEngine
    /// Zoom's requests are small; anything past this is refused unread.
    static let maxBodyBytes = 1 << 20

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        guard let body = try? await request.collectBody(upTo: Self.maxBodyBytes) else {
            return Response(
                status: .contentTooLarge, headers: [.contentType: "application/json;charset=UTF-8"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(
                        string: #"{"error":"request_too_large","reason":"The request body is over 1 MB."}"#)))
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // Hummingbird hands the values decoded already: decoding again would turn `a%41b` into `aAb`.
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let mockRequest = MockRequest(
            method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
            body: Array(buffer: body))
        let answer = await engine.handle(mockRequest)
        let logger = context.logger
        logger.debug("\(mockRequest.method) \(Redaction.url(request.uri.description)) → \(answer.status)")
        if logger.logLevel <= .trace {
            logger.trace("  request body: \(Redaction.body(mockRequest.body))")
            logger.trace("  response body: \(Redaction.body(answer.body))")
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        guard !answer.dropConnection else {
            // Promise a body, then fail while writing it: the server closes the connection mid-response.
            return Response(
                status: .ok, headers: fields,
                body: ResponseBody(contentLength: 64) { _ in throw MockZoomError("connection dropped on purpose") })
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
