/// Up to five other articles sharing the most tags with an article; ties go to the order of
/// (title, path).
///
/// A full build asks for 10,000 articles' related lists, so it indexes first: tag -> articles,
/// and each article's rank in title order, to count in a flat array and break ties on integers.
/// An incremental build renders a page or two, for which building that index (a sort of the
/// whole site) cost more than a direct scan.
struct RelatedArticles: Sendable {
    private let all: [Article]
    private let index: Index?

    private struct Index: Sendable {
        var byTag: [String: [Int]]
        var byPath: [String: Int]
        var titleRank: [Int]
    }

    init(_ all: [Article], indexed: Bool) {
        self.all = all
        guard indexed else {
            index = nil
            return
        }
        var byTag: [String: [Int]] = [:]
        for (position, article) in all.enumerated() {
            for tag in Set(article.frontMatter.tags) { byTag[tag, default: []].append(position) }
        }
        let byPath = Dictionary(all.enumerated().map { ($1.sourcePath, $0) }) { first, _ in first }
        var rank = [Int](repeating: 0, count: all.count)
        let byTitle = all.indices.sorted { (all[$0].title, all[$0].sourcePath) < (all[$1].title, all[$1].sourcePath) }
        for (position, article) in byTitle.enumerated() { rank[article] = position }
        index = Index(byTag: byTag, byPath: byPath, titleRank: rank)
    }

    func related(to article: Article) -> [Article] {
        guard !article.frontMatter.tags.isEmpty else { return [] }
        return index.map { indexed(article, $0) } ?? scanned(article)
    }

    private func indexed(_ article: Article, _ index: Index) -> [Article] {
        let own = index.byPath[article.sourcePath]
        var counts = [UInt16](repeating: 0, count: all.count)
        var candidates: [Int] = []
        for tag in Set(article.frontMatter.tags) {
            for position in index.byTag[tag] ?? [] where position != own {
                if counts[position] == 0 { candidates.append(position) }
                counts[position] &+= 1
            }
        }
        return top5(candidates) { lhs, rhs in
            (counts[rhs], index.titleRank[lhs]) < (counts[lhs], index.titleRank[rhs])
        }
    }

    private func scanned(_ article: Article) -> [Article] {
        // A handful of tags: comparing against each is cheaper than hashing 10,000 articles' tags.
        var tags: [String] = []
        for tag in article.frontMatter.tags where !tags.contains(tag) { tags.append(tag) }
        // Counted in a flat array: thousands of articles may share a common tag, and a table of
        // their counts cost more than the scan.
        var counts = [Int](repeating: 0, count: all.count)
        var candidates: [Int] = []
        for position in all.indices {
            // Distinct tags in common, counted without a set per article (10,000 of them).
            let theirs = all[position].frontMatter.tags
            var shared = 0
            for (index, tag) in theirs.enumerated() where tags.contains(tag) && !theirs[..<index].contains(tag) {
                shared += 1
            }
            if shared > 0, all[position].sourcePath != article.sourcePath {
                counts[position] = shared
                candidates.append(position)
            }
        }
        return top5(candidates) { lhs, rhs in
            if counts[lhs] != counts[rhs] { return counts[lhs] > counts[rhs] }
            let (left, right) = (all[lhs], all[rhs])
            return (left.title, left.sourcePath) < (right.title, right.sourcePath)
        }
    }

    /// The first five of `candidates` in the order `precedes` defines (a total order, so the
    /// result does not depend on the candidates' order).
    private func top5(_ candidates: [Int], by precedes: (Int, Int) -> Bool) -> [Article] {
        var best: [Int] = []
        for candidate in candidates {
            if best.count == 5, let last = best.last, !precedes(candidate, last) { continue }
            best.insert(candidate, at: best.firstIndex { precedes(candidate, $0) } ?? best.endIndex)
            if best.count > 5 { best.removeLast() }
        }
        return best.map { all[$0] }
    }
}
