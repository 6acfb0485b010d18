import Foundation
import Testing

@testable import DocVerify

@Suite("Log redaction")
struct LogSinkTests {
    @Test("every line loses registered secrets (longest first) and URL credentials, wherever they sit")
    func lines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try LogSink(path: path)
        RedactingLogHandler.register(secret: "sekrit")
        RedactingLogHandler.register(secret: "sekrit-and-more")
        sink.write("client secret sekrit-and-more, then uri=/cb?code=abc and https://u:p@h/x?token=t")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "client secret ‹redacted›, then uri=/cb?code=‹redacted› and https://h/x?token=‹redacted›\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
