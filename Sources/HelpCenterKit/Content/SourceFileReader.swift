import Foundation

/// Reads a writer's file as UTF-8 text, turning every failure into a diagnostic that names
/// the file and the operating system's reason.
///
/// In plain system calls: `FileHandle`, `Data` and `String(validating:)` were a twentieth of a
/// full build's CPU.
enum SourceFileReader {
    static func read(_ path: String) throws(HelpCenterError) -> String {
        func failure(_ reason: String) -> HelpCenterError {
            HelpCenterError(.error("cannot read file: \(reason)", at: SourceLocation(path: path)))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            var status = stat()
            let isFolder = stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            throw failure(isFolder ? "it is a folder, not a Markdown file" : reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw failure("it is a folder, not a Markdown file") }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(descriptor, size: Int(status.st_size))
        } catch {
            throw failure(String(cString: strerror(error.code.rawValue)))
        }
        guard let text = bytes.withUnsafeBufferPointer(String.exactly) else {
            let (location, byte) = firstInvalidByte(in: bytes, path: path)
            throw HelpCenterError(
                .error(
                    "not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) here is not valid UTF-8; "
                        + "save the file with UTF-8 encoding",
                    at: location))
        }
        return text
    }

    /// Where decoding first fails, counted like an editor: lines from 1, columns in characters.
    static func firstInvalidByte(in bytes: [UInt8], path: String) -> (SourceLocation, UInt8) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { break }
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        return (SourceLocation(path: path, line: line, column: column), index < bytes.count ? bytes[index] : 0)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), 0 when it is not one.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8) =
            switch first {
            case 0x00...0x7F: (1, 0x80, 0xBF)
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard length > 0, index + length <= bytes.count else { return 0 }
        for offset in 1..<max(length, 1) {
            let byte = bytes[index + offset]
            let range: ClosedRange<UInt8> = offset == 1 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { return 0 }
        }
        return length
    }
}
