/// Bytes without which a GFM extension cannot occur in a body: the walk skips looking for what
/// the Markdown cannot hold, so plain CommonMark pays nothing for the extensions.
struct ExtensionHints {
    /// A `~`: strikethrough.
    var hasTildes: Bool
    /// `www.`, `://` or `@`: autolinks.
    var hasAutolinkHints: Bool

    /// Whether to look for the extensions that need no hint (task lists, alerts).
    var isOn = true

    static let all = ExtensionHints(hasTildes: true, hasAutolinkHints: true)
    /// CommonMark alone.
    static let none = ExtensionHints(hasTildes: false, hasAutolinkHints: false, isOn: false)

    init(hasTildes: Bool, hasAutolinkHints: Bool, isOn: Bool = true) {
        self.hasTildes = hasTildes
        self.hasAutolinkHints = hasAutolinkHints
        self.isOn = isOn
    }

    init(_ markdown: String) {
        var tilde = false
        var hint = false
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "~"): tilde = true
            case UInt8(ascii: "@"): hint = true
            case UInt8(ascii: "/"):
                if previous.1 == UInt8(ascii: ":") && previous.2 == UInt8(ascii: "/") { hint = true }
            case UInt8(ascii: "."): if previous == (0x77, 0x77, 0x77) { hint = true }
            default: break
            }
            if tilde && hint { break }
            previous = (previous.1, previous.2, byte)
        }
        self.init(hasTildes: tilde, hasAutolinkHints: hint)
    }
}
