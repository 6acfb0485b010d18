/// Receives body bytes and header lines from curl's callbacks during one transfer.
final class ResponseCollector {
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []

    /// A header line; a new status line (after a redirect or `100 Continue`) starts over.
    func addHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Trim CR LF as bytes: Swift reads "\r\n" as one Character, which no "\n" suffix test matches.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: bytes[0..<end], as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = []
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
        headers.append(HTTPHeader(name: name, value: String(value)))
    }
}

@available(*, unavailable)
extension ResponseCollector: Sendable {}
