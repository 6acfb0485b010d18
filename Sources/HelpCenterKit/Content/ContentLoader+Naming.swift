import Foundation

/// Paths, URL segments and the order of pages: how files become sorted pages.
extension ContentLoader {
    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The URL segment a file's name gives: `Refund Policy.md` -> `refund-policy`, and a page
    /// bundle's folder name for its `index.md`.
    static func fileSlug(_ path: String) -> String {
        let name = LexicalPath.fileName(of: path)
        let stem =
            name == "index.md" ? LexicalPath.fileName(of: LexicalPath.parent(of: path)) : String(name.dropLast(3))
        return URLSegment.urlForm(stem)
    }

    /// Weight first, then title, then path, so the order never depends on the file system.
    static func order(_ lhs: Article, _ rhs: Article) -> Bool {
        (lhs.frontMatter.weight, lhs.linkTitle, lhs.sourcePath) < (
            rhs.frontMatter.weight, rhs.linkTitle, rhs.sourcePath
        )
    }

    static func order(_ lhs: Category, _ rhs: Category) -> Bool {
        (lhs.frontMatter.weight, lhs.linkTitle, lhs.key) < (rhs.frontMatter.weight, rhs.linkTitle, rhs.key)
    }
}
