/// The byte classes the Markdown extensions test (cmark's own: ASCII letters and digits, and
/// white space as space, tab and the line-ending controls), in one place.
extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIILetterOrDigit: Bool { isASCIILetter || (0x30...0x39).contains(self) }
    /// Space, tab, line feed, vertical tab, form feed or carriage return.
    var isMarkdownSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
