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

    /// Hugo's heading ids (Goldmark, `autoHeadingIDType: github`), so anchors of a site moved
    /// over keep working: letters, digits and `_` lower-cased, each space or `-` a `-`, anything
    /// else left out (`A & B` → `a--b`).
    static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        return unicodeSlug(text)
    }

    /// `slug` for the common all-ASCII heading, byte by byte: the `Character` properties behind
    /// the general case were 5% of a 10,000-article build.
    static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                slug.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte | 0x20)
            case UInt8(ascii: " "), UInt8(ascii: "-"): slug.append(UInt8(ascii: "-"))
            default: continue
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }

    /// The general case, any script: Go's `unicode.IsLetter` and `IsDigit`.
    static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        for character in text {
            if character == " " || character == "-" {
                slug.append("-")
            } else if character == "_" || character.isLetter || (character.isNumber && character.isWholeNumber) {
                slug += character.lowercased()
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
