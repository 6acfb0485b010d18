/// The part of a page that Pagefind indexes: each `data-pagefind-body` element minus the
/// `data-pagefind-ignore` elements inside it, plus the page's `lang`. When no page of a site
/// marks a body, Pagefind indexes whole pages, and so the whole file counts. A change anywhere
/// else (a stylesheet's fingerprinted name, the navigation, a verification date kept out of
/// the index) leaves the search index as it was.
enum IndexedText {
    static let bodyAttribute = Array("data-pagefind-body".utf8)
    static let ignoreAttribute = Array("data-pagefind-ignore".utf8)

    /// The page's indexed bytes, or `nil` when it marks no body.
    static func of(_ page: [UInt8]) -> [UInt8]? {
        var found: [UInt8] = []
        var searchFrom = 0
        while let region = element(with: bodyAttribute, in: page, from: searchFrom) {
            found += withoutIgnored(Array(page[region]))
            searchFrom = region.upperBound
        }
        guard searchFrom > 0 else { return nil }
        return language(of: page) + [0] + found
    }

    /// The region from the `<` of the first element carrying `attribute` at or after `start`
    /// to the end of its matching close tag (or of the page, if it is never closed).
    static func element(with attribute: [UInt8], in page: [UInt8], from start: Int) -> Range<Int>? {
        guard let hit = firstIndex(of: attribute, in: page, from: start),
            let open = page[start..<hit].lastIndex(of: UInt8(ascii: "<"))
        else { return nil }
        let name = Array(page[(open + 1)...].prefix { isNameByte($0) })
        guard !name.isEmpty else { return nil }
        var depth = 0
        var index = open
        while index < page.count {
            if page[index] == UInt8(ascii: "<") {
                if page[(index + 1)...].starts(with: [UInt8(ascii: "/")] + name),
                    ends(name: name, in: page, at: index + 2)
                {
                    depth -= 1
                    if depth == 0 {
                        let close = page[index...].firstIndex(of: UInt8(ascii: ">")) ?? (page.count - 1)
                        return open..<(close + 1)
                    }
                } else if page[(index + 1)...].starts(with: name), ends(name: name, in: page, at: index + 1) {
                    depth += 1
                }
            }
            index += 1
        }
        return open..<page.count
    }

    static func withoutIgnored(_ region: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var from = 0
        while let ignored = element(with: ignoreAttribute, in: region, from: from) {
            kept += region[from..<ignored.lowerBound]
            from = ignored.upperBound
        }
        return kept + region[from...]
    }

    /// The `lang` of `<html>`: Pagefind keeps one index per language.
    static func language(of page: [UInt8]) -> [UInt8] {
        guard let html = firstIndex(of: Array("<html".utf8), in: page, from: 0) else { return [] }
        return Array(page[html...].prefix { $0 != UInt8(ascii: ">") })
    }

    private static func ends(name: [UInt8], in page: [UInt8], at start: Int) -> Bool {
        let after = start + name.count
        return after < page.count && !isNameByte(page[after])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func firstIndex(of needle: [UInt8], in page: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < page.count else { return nil }
        var index = start
        while let candidate = page[index...].firstIndex(of: first) {
            if page[candidate...].starts(with: needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
