/// A place in a source file, printed the way compilers do (`path:line:col`) so editors and CI
/// annotations can jump to it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as the user named it (relative paths stay relative).
    public var path: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column, or `nil` when only the line is known.
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
