import Foundation

/// A new help center that builds as it is: `site.yml`, a home page, one category with one
/// article about writing articles, and the templates this binary was built with. Written into
/// a staging folder and renamed into place, so a failed `init` leaves nothing half-made.
public enum StarterSite {
    /// Writes the help center into `folder`, which must not exist or be empty.
    /// - Returns: The files written, relative to `folder`, sorted.
    /// - Throws: `HelpCenterError` naming the folder when it holds files or cannot be written.
    public static func write(to folder: String, title: String) throws(HelpCenterError) -> [String] {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isFolder) {
            guard isFolder.boolValue, (try? manager.contentsOfDirectory(atPath: target.path))?.isEmpty == true else {
                throw HelpCenterError(
                    .error(
                        "already exists and is not an empty folder: choose a new folder for the help center",
                        at: SourceLocation(path: folder)))
            }
        }
        let files = self.files(title: title)
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).init-\(UUID().uuidString)")
        do {
            for (path, contents) in files {
                let file = staging.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: file)
            }
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw HelpCenterError(
                .error("cannot write the help center: \(error.localizedDescription)", at: SourceLocation(path: folder)))
        }
        return files.map(\.path).sorted()
    }

    /// Every file of the new help center, by path.
    static func files(title: String) -> [(path: String, contents: String)] {
        [
            ("site.yml", siteConfig(title: title)),
            ("Content/_index.md", home(title: title)),
            ("Content/getting-started/_index.md", category),
            ("Content/getting-started/writing-articles.md", article),
        ] + StarterTemplates.files.map { ("Templates/" + $0.path, $0.contents) }
    }

    static func siteConfig(title: String) -> String {
        """
        # The help center's identity. Templates see these as site.title, site.productName, ...
        title: \(ArticleSkeleton.yamlString(title))
        # The address the site is published at: canonical links and the sitemap use it.
        base_url: https://help.example.com/
        product: Example
        support_email: support@example.com
        language: en
        # Raw HTML in articles is omitted unless this is true.
        unsafe_html: false
        # What article pages say about verify's checks: readers, qa or off.
        verification_display: readers

        """
    }

    static func home(title: String) -> String {
        """
        ---
        title: \(ArticleSkeleton.yamlString(title))
        description: Answers to your questions, step by step.
        ---
        Find step-by-step answers, grouped by topic.

        """
    }

    static let category = """
        ---
        title: Getting started
        description: Start here.
        weight: 10
        ---

        """

    static let article = """
        ---
        title: How do I write a help article?
        description: Where articles live, how they are built, and how to preview them.
        weight: 10
        tags: [writing]
        ---

        > **Quick overview:** Each article is a Markdown file in a topic's folder under `Content/`.
        > `helpcenter build` turns them into the site in `Public/`.

        ## Write an article

        1. Run `helpcenter new getting-started/my-article --title "My question?"`.
        2. Open the new file under `Content/getting-started/` and write the answer.
        3. Remove `draft: true` from its front matter when it is ready to publish.

        ## Preview and publish

        - `helpcenter serve` shows the site on http://127.0.0.1:8080 and rebuilds it as you save.
        - `helpcenter check` names every broken link, anchor or image by file and line.
        - `helpcenter build` writes the site into `Public/`, ready to publish.

        """
}
