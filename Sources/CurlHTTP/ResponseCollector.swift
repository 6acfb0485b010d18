/// Receives body bytes and header lines from curl's callbacks during one transfer.
final class ResponseCollector {
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []

    /// A header line; a new status line (after a redirect or `100 Continue`) starts over.
    func addHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
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
