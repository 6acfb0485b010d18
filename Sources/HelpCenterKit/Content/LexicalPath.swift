import Foundation

/// Absolute, normalised file paths computed from the text alone. `URL.standardizedFileURL`
/// gives the same answer but stats the file system on the way, which cost a third of an
/// incremental build when done for every article.
enum LexicalPath {
    /// The working directory, read once (builds never change it).
    private static let workingDirectory = FileManager.default.currentDirectoryPath

    /// `path` made absolute against the working directory, with `.`, `..` and repeated `/` removed.
    static func absolute(_ path: String) -> String {
        normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    /// The folder holding `path` (absolute).
    static func folder(of path: String) -> String {
        let absolute = absolute(path)
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    /// `path` without its last component, as spelled (not made absolute): `Content/a/b.md` ->
    /// `Content/a`; `""` when it has one component.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(Substring(path.utf8[..<slash]))
    }

    /// `path` without its first `count` bytes: the part below a folder whose prefix (and `/`)
    /// is known to start it. Cut at the byte, as `parent(of:)` is.
    static func dropping(_ count: Int, from path: String) -> String {
        String(Substring(path.utf8.dropFirst(count)))
    }

    /// The last component of `path`: what follows its last `/` byte (split at the byte, since a
    /// `/` followed by a combining mark is one `Character`).
    static func fileName(of path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
        }
    }

    /// Resolves `.` and `..` in an absolute path; `..` above the root stays at the root.
    static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Absolute, no `//`, no `.` or `..` segment, no trailing `/`: the common case, checked in
    /// one pass over the bytes instead of splitting.
    private static func isNormal(_ path: String) -> Bool {
        var previous = UInt8(ascii: "x")
        var dotsAfterSlash = -1
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") || dotsAfterSlash == 1 || dotsAfterSlash == 2 { return false }
                dotsAfterSlash = 0
            } else if byte == UInt8(ascii: "."), dotsAfterSlash >= 0 {
                dotsAfterSlash += 1
            } else {
                dotsAfterSlash = -1
            }
            previous = byte
        }
        return path.utf8.first == UInt8(ascii: "/") && (path.utf8.count == 1 || previous != UInt8(ascii: "/"))
            && dotsAfterSlash != 1 && dotsAfterSlash != 2
    }
}
