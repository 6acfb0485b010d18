internal import CCurl

/// Owns one `CURL*` easy handle for one transfer; never shared between threads.
final class CurlEasyHandle {
    let handle: UnsafeMutableRawPointer
    /// Where curl writes the detail of its last error.
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    /// `curl_global_init` must run once per process before the first handle.
    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    init?() {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) -> CURLcode {
        ccurl_setopt_long(handle, option, value)
    }

    func set(_ option: CURLoption, _ value: String) -> CURLcode {
        ccurl_setopt_string(handle, option, value)
    }

    /// curl's text for `code`, with the error buffer's detail when there is one.
    func message(for code: CURLcode) -> String {
        let summary = String(cString: curl_easy_strerror(code))
        let detail = String(cString: errorBuffer)
        return detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
    }
}

@available(*, unavailable)
extension CurlEasyHandle: Sendable {}
