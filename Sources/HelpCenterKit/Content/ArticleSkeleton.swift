import Foundation

/// The starting point of a new article: front matter, an overview callout, a procedure.
public enum ArticleSkeleton {
    /// Lower-case letters, digits and `-`.
    public static func isSegment(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Writes the article (and the section's `_index.md` when the folder is new).
    /// - Parameter category: the section's folder below the content folder (`billing/refunds`).
    /// - Returns: The files created.
    /// - Throws: `HelpCenterError` when the article exists already or cannot be written.
    public static func write(category: String, slug: String, title: String, contentPath: String) throws(HelpCenterError)
        -> [String]
    {
        let folder = contentPath + "/" + category
        let article = folder + "/" + slug + ".md"
        guard !FileManager.default.fileExists(atPath: article) else {
            throw HelpCenterError(
                .error("already exists: edit it, or choose another slug", at: SourceLocation(path: article)))
        }
        let result = Result { try writeFiles(folder: folder, category: category, article: article, title: title) }
        switch result {
        case .success(let created): return created
        case .failure(let error):
            throw HelpCenterError(
                .error("cannot write: \(error.localizedDescription)", at: SourceLocation(path: article)))
        }
    }

    private static func writeFiles(folder: String, category: String, article: String, title: String) throws -> [String]
    {
        var created: [String] = []
        if !FileManager.default.fileExists(atPath: folder + "/_index.md") {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let index =
                "---\ntitle: \(yamlString(URLSegment.title(from: LexicalPath.fileName(of: category))))\n"
                + "description: \"\"\nweight: 100\n---\n"
            try Data(index.utf8).write(to: URL(fileURLWithPath: folder + "/_index.md"), options: .withoutOverwriting)
            created.append(folder + "/_index.md")
        }
        try Data(body(title: title).utf8).write(to: URL(fileURLWithPath: article), options: .withoutOverwriting)
        created.append(article)
        return created
    }

    static func body(title: String) -> String {
        """
        ---
        title: \(yamlString(title))
        description: ""
        weight: 100
        draft: true
        tags: []
        ---

        > **Quick overview:** One or two sentences that answer the question in the title.

        ## Before you start

        - What the reader needs first

        ## Steps

        1. The first step
        2. The next step

        Mark each statement of product behaviour with a claim such as `<!-- claim: flow.what-it-promises -->`
        and add its check to verify (see README.md).

        """
    }

    /// A YAML double-quoted scalar, so titles with colons or quotes stay valid.
    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
