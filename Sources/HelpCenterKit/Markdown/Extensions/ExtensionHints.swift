/// Bytes without which a GFM extension cannot occur in a body, found in one pass: the walk
/// skips looking for what the Markdown cannot hold, so plain CommonMark pays next to nothing
/// for the extensions.
struct ExtensionHints {
    /// A `~`: strikethrough.
    var hasTildes: Bool
    /// `www.`, `://` or `@`: autolinks.
    var hasAutolinkHints: Bool
    /// A `|`: pipe tables.
    var hasPipes = true
    /// `[^`: footnotes.
    var hasFootnoteHints = true
    /// Whether to look for the extensions that need no hint (task lists, alerts).
    var isOn = true

    static let all = ExtensionHints(hasTildes: true, hasAutolinkHints: true)
    /// CommonMark alone.
    static let none = ExtensionHints(
        hasTildes: false, hasAutolinkHints: false, hasPipes: false, hasFootnoteHints: false, isOn: false)

    init(
        hasTildes: Bool, hasAutolinkHints: Bool, hasPipes: Bool = true, hasFootnoteHints: Bool = true,
        isOn: Bool = true
    ) {
        self.hasTildes = hasTildes
        self.hasAutolinkHints = hasAutolinkHints
        self.hasPipes = hasPipes
        self.hasFootnoteHints = hasFootnoteHints
        self.isOn = isOn
    }

    init(_ markdown: String) {
        var text = markdown
        self = text.withUTF8 { bytes in
            var hints = ExtensionHints(
                hasTildes: false, hasAutolinkHints: false, hasPipes: false, hasFootnoteHints: false)
            let count = bytes.count
            var index = 0
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: "~"): hints.hasTildes = true
                case UInt8(ascii: "|"): hints.hasPipes = true
                case UInt8(ascii: "@"): hints.hasAutolinkHints = true
                case UInt8(ascii: "["):
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "^") { hints.hasFootnoteHints = true }
                case UInt8(ascii: ":"):
                    if index + 2 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                        hints.hasAutolinkHints = true
                    }
                case UInt8(ascii: "."):
                    if index >= 3, bytes[index - 1] == UInt8(ascii: "w"), bytes[index - 2] == UInt8(ascii: "w"),
                        bytes[index - 3] == UInt8(ascii: "w")
                    {
                        hints.hasAutolinkHints = true
                    }
                default: break
                }
                index += 1
            }
            return hints
        }
    }
}
