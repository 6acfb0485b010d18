import Foundation

/// The addresses a TCP port listens on, read from the kernel's socket tables (`/proc/net/tcp`
/// and `tcp6`), so a test can prove a server binds loopback only, whatever interfaces exist.
public enum ListeningSockets {
    public static func addresses(port: Int) -> [String] {
        var found: [String] = []
        for (table, isIPv6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
            // Read to the end: proc files report size 0, and String(contentsOfFile:) stops at 4 KB.
            let data = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: table)).readToEnd()) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // local_address is "HEXADDR:HEXPORT"; state 0A is LISTEN.
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, Int(local[1], radix: 16) == port else { continue }
                found.append(isIPv6 ? "ipv6:" + local[0] : ipv4(String(local[0])))
            }
        }
        return found
    }

    /// `0100007F` (little-endian hex) -> `127.0.0.1`.
    private static func ipv4(_ hex: String) -> String {
        guard let value = UInt32(hex, radix: 16) else { return hex }
        return (0..<4).map { String((value >> (8 * $0)) & 0xFF) }.joined(separator: ".")
    }
}
