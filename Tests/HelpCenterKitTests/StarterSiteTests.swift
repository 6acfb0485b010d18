import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// `helpcenter init`'s new help center: the templates compiled into the binary are the
/// repository's, and what it writes builds and checks clean as it is.
@Suite("Starter site")
struct StarterSiteTests {
    @Test("the compiled-in templates are Templates/, file for file (make embed-templates refreshes them)")
    func embeddedTemplatesMatchTheRepository() throws {
        let onDisk = try TemporarySite.tree(at: TemporarySite.repository.appendingPathComponent("Templates"))
        let embedded = Dictionary(
            uniqueKeysWithValues: StarterTemplates.files.map { ($0.path, Data($0.contents.utf8)) })
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run make embed-templates")
        for (path, contents) in onDisk {
            #expect(
                embedded[path] == contents, "Templates/\(path) differs from the compiled-in copy: make embed-templates")
        }
    }

    @Test("what init writes builds every kind of page and checks clean")
    func buildsAsWritten() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try StarterSite.write(to: folder.path, title: "Acme: Help")
        #expect(written.contains("site.yml") && written.contains("Templates/base.mustache"))
        var options = BuildOptions(
            contentPath: folder.path + "/Content", templatesPath: folder.path + "/Templates",
            outputPath: folder.path + "/Public", configPath: folder.path + "/site.yml")
        options.searchIndexer = nil
        let checked = SiteChecker(options: options).check()
        #expect(checked.isEmpty, "\(checked)")
        let buildOptions = options
        try await offThePool { _ = try SiteBuilder(options: buildOptions).build() }
        for page in [
            "index.html", "getting-started/index.html", "getting-started/writing-articles/index.html",
            "search/index.html", "404.html", "sitemap.xml",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/Public/" + page), "no \(page)")
        }
        let home = try String(contentsOf: folder.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<title>Acme: Help</title>") || home.contains("Acme: Help"))
        #expect(home.contains("How do I write a help article?"))
    }

    @Test("a folder with files, or a file, is refused and left as it was")
    func refusesToOverwrite() throws {
        let site = try TemporarySite()
        let before = try site.tree("")
        #expect(throws: HelpCenterError.self) { try StarterSite.write(to: site.root.path, title: "Help") }
        #expect(try site.tree("") == before)
        try site.write("notes.txt", "mine")
        #expect(throws: HelpCenterError.self) { try StarterSite.write(to: site.path("notes.txt"), title: "Help") }
        #expect(try site.read("notes.txt") == "mine")
        let empty = site.url("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try StarterSite.write(to: empty.path, title: "Help").contains("site.yml"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.contains(".init-")
        }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")
    }
}
