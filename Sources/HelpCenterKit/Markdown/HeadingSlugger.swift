/// Gives each heading of a page an `id` that is readable and unique on that page.
struct HeadingSlugger {
    private var used: Set<String> = []
    /// The last suffix given for each base, so the 100,000th repeat costs one step, not 100,000.
    private var lastSuffix: [String: Int] = [:]

    /// `Connecting Zoom` -> `connecting-zoom`; repeats get `-1`, `-2`, ... as Hugo does.
    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = lastSuffix[base] ?? 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        lastSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    /// Claims a writer-chosen `{#id}`; `false` when the page already uses it.
    mutating func reserve(_ id: String) -> Bool {
        used.insert(id).inserted
    }

    /// Lower-case letters and digits (any script), words joined by `-`.
    static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        return unicodeSlug(text)
    }

    /// `slug` for the common all-ASCII heading, byte by byte: the `Character` properties behind
    /// the general case were 5% of a 10,000-article build. ASCII letters, digits and white space
    /// are exactly what `Character.isLetter`, `isNumber` and `isWhitespace` accept below 0x80.
    static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case 0x09...0x0D, UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"):
                pendingDash = true
            default:
                continue
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }

    /// The general case, any script.
    static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" || character == "_" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
