import CCurl
import Foundation
import Testing

/// The typed shims over libcurl's variadic `curl_easy_setopt`/`getinfo`, exercised by a real
/// transfer of a local file (no network needed).
@Suite("libcurl shims")
struct CurlShimTests {
    final class Sink {
        var bytes: [UInt8] = []
    }

    @Test("setopt and getinfo shims drive a real file:// transfer through a write callback")
    func fileTransfer() throws {
        #expect(curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ccurl-\(UUID().uuidString).txt")
        try Data("hello from libcurl".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let handle = try #require(curl_easy_init())
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        let callback: ccurl_data_callback = { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
            return length
        }
        #expect(ccurl_setopt_string(handle, CURLOPT_URL, file.absoluteString) == CURLE_OK)
        #expect(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1) == CURLE_OK)
        #expect(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, 5_000) == CURLE_OK)
        #expect(ccurl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, callback) == CURLE_OK)
        #expect(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()) == CURLE_OK)
        #expect(curl_easy_perform(handle) == CURLE_OK)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "hello from libcurl")

        var effectiveURL: UnsafeMutablePointer<CChar>?
        #expect(ccurl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effectiveURL) == CURLE_OK)
        #expect(effectiveURL.map { String(cString: $0) } == file.absoluteString)
        var downloaded = 0.0
        #expect(ccurl_getinfo_double(handle, CURLINFO_SIZE_DOWNLOAD, &downloaded) == CURLE_OK)
        #expect(downloaded == 18)
    }

    @Test("a missing file fails with curl's own error code, reported through the shims")
    func missingFile() throws {
        let handle = try #require(curl_easy_init())
        defer { curl_easy_cleanup(handle) }
        #expect(ccurl_setopt_string(handle, CURLOPT_URL, "file:///nonexistent/\(UUID().uuidString)") == CURLE_OK)
        #expect(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1) == CURLE_OK)
        #expect(curl_easy_perform(handle) == CURLE_FILE_COULDNT_READ_FILE)
        var status = 0
        #expect(ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK)
        #expect(status == 0)
    }
}
