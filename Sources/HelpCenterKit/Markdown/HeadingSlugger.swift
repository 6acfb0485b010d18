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
