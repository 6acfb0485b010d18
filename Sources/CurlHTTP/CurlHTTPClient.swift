internal import CCurl
import Foundation

/// A small HTTP client over libcurl: one easy handle per request, TLS verification left on,
/// redirects only when asked, and every call bounded by its timeouts.
public struct CurlHTTPClient: Sendable {
    public init() {}

    /// Performs `request` on the calling thread.
    /// - Throws: `CurlHTTPError` when no HTTP response arrived (refused, timed out, dropped).
    public func perform(_ request: HTTPRequest) throws(CurlHTTPError) -> HTTPResponse {
        guard let easy = CurlEasyHandle() else {
            throw CurlHTTPError(
                code: 2, message: "curl_easy_init failed", url: request.url, method: request.method.rawValue)
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        // curl would otherwise add "Expect: 100-continue" to larger bodies and wait for it.
        headerList = curl_slist_append(headerList, "Expect:")

        let collector = ResponseCollector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        var code = configure(easy, for: request, headers: headerList, context: context.toOpaque())
        if code == CURLE_OK, let body = request.body {
            code = Self.setBody(body, on: easy)
        }
        if code == CURLE_OK {
            code = curl_easy_perform(easy.handle)
        }
        guard code == CURLE_OK else {
            throw CurlHTTPError(
                code: Int(code.rawValue), message: easy.message(for: code), url: request.url,
                method: request.method.rawValue)
        }
        var status = 0
        _ = ccurl_getinfo_long(easy.handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.headers, body: collector.body)
    }

    /// Performs `request` on a thread of its own, so a blocking transfer never occupies one of
    /// Swift's few cooperative threads (which an in-process server may need to answer it).
    public func send(_ request: HTTPRequest) async throws(CurlHTTPError) -> HTTPResponse {
        let result: Result<HTTPResponse, CurlHTTPError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(CurlHTTPError) in try self.perform(request) })
            }
            thread.name = "CurlHTTP"
            thread.start()
        }
        return try result.get()
    }

    /// curl copies the bytes, so the body need not outlive this call.
    private static func setBody(_ body: [UInt8], on easy: CurlEasyHandle) -> CURLcode {
        let code = ccurl_setopt_off_t(easy.handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        guard code == CURLE_OK else { return code }
        guard !body.isEmpty else { return easy.set(CURLOPT_COPYPOSTFIELDS, "") }
        var bytes = body
        return bytes.withUnsafeMutableBytes {
            ccurl_setopt_pointer(easy.handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
        }
    }

    private func configure(
        _ easy: CurlEasyHandle, for request: HTTPRequest, headers: UnsafeMutablePointer<curl_slist>?,
        context: UnsafeMutableRawPointer
    ) -> CURLcode {
        let handle = easy.handle
        let settings: [() -> CURLcode] = [
            { easy.set(CURLOPT_URL, request.url) },
            { easy.set(CURLOPT_PROTOCOLS_STR, "http,https") },
            { easy.set(CURLOPT_NOSIGNAL, 1) },
            { easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.timeouts.connect)) },
            { easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeouts.total)) },
            { easy.set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0) },
            { easy.set(CURLOPT_MAXREDIRS, 5) },
            { ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers) },
            { ccurl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, Self.onBody) },
            { ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context) },
            { ccurl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, Self.onHeader) },
            { ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context) },
            { Self.setMethod(request, on: easy) },
        ]
        for setting in settings {
            let code = setting()
            if code != CURLE_OK { return code }
        }
        return CURLE_OK
    }

    private static func setMethod(_ request: HTTPRequest, on easy: CurlEasyHandle) -> CURLcode {
        switch request.method {
        case .get: return request.body == nil ? easy.set(CURLOPT_HTTPGET, 1) : easy.set(CURLOPT_CUSTOMREQUEST, "GET")
        case .head: return easy.set(CURLOPT_NOBODY, 1)
        case .post: return request.body == nil ? setBody([], on: easy) : CURLE_OK
        case .put, .patch, .delete: return easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    private static let onBody: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let length = size * count
        guard let data else { return length }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        collector.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    private static let onHeader: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let length = size * count
        guard let data else { return length }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        collector.addHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }
}
