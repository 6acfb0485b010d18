import CurlHTTP
import Foundation

/// A JSON GET for reading a mock's controls from tests.
enum CurlJSON {
    static func get(_ url: String) throws -> [String: Any] {
        let response = try CurlHTTPClient().perform(HTTPRequest(.get, url))
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }
}
