import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Content that many hands (or an attacker) could commit: every case ends in a clear
/// diagnostic or a safe page, never a crash, a hang or a half-written `Public/`.
@Suite("Hostile content")
struct HostileContentTests {
    /// A site with a previous build in `Public/` whose bytes must survive any failed build.
    func site() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Public/previous.html", "the previous site")
        try site.write("Public/" + OutputWriter.marker, OutputWriter.markerText)
        return site
    }

    func build(_ site: TemporarySite) throws(HelpCenterError) -> BuildReport {
        var options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
        options.searchIndexer = nil
        return try SiteBuilder(options: options).build()
    }

    /// The build's diagnostics with the temp folder shown as `<site>`; asserts that a failed
    /// build left the previous `Public/` exactly as it was.
    func failures(_ site: TemporarySite) throws -> [String] {
        do {
            _ = try build(site)
            return []
        } catch {
            #expect(
                try site.tree("Public") == [
                    "previous.html": Data("the previous site".utf8),
                    OutputWriter.marker: Data(OutputWriter.markerText.utf8),
                ])
            return error.diagnostics.map { $0.description.replacingOccurrences(of: site.root.path, with: "<site>") }
        }
    }

    @Test("invalid UTF-8 is reported at the first bad byte's line and column")
    func invalidUTF8() throws {
        let site = try site()
        let bytes = Data("---\ntitle: Bad\n---\nHello\nwörld ".utf8) + Data([0xFF, 0xFE]) + Data(" world\n".utf8)
        try FileManager.default.createDirectory(at: site.url("Content/g"), withIntermediateDirectories: true)
        try bytes.write(to: site.url("Content/g/bad.md"))
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Content/g/bad.md:5:7: error: not UTF-8 text: byte 0xFF here is not valid UTF-8; "
                    + "save the file with UTF-8 encoding"
            ])
    }

    @Test("overlong and surrogate encodings are not UTF-8 either", arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80]])
    func malformedSequences(_ sequence: [UInt8]) {
        let (location, byte) = SourceFileReader.firstInvalidByte(in: Array("ab\ncd".utf8) + sequence, path: "a.md")
        #expect(location.description == "a.md:2:3")
        #expect(byte == sequence[0])
    }

    @Test("a byte-order mark and CRLF line ends build the same page as plain LF")
    func bomAndCRLF() throws {
        let site = try site()
        try site.write("Content/g/plain.md", "---\ntitle: Same\n---\n# Head\n\nText *here*.\n")
        _ = try build(site)
        let plain = try site.read("Public/g/plain/index.html")
        try FileManager.default.removeItem(at: site.url("Content/g/plain.md"))
        try site.write("Content/g/plain.md", "\u{FEFF}---\r\ntitle: Same\r\n---\r\n# Head\r\n\r\nText *here*.\r\n")
        _ = try build(site)
        #expect(try site.read("Public/g/plain/index.html") == plain)
        #expect(plain.contains(#"<h1 id="head">Head</h1>"#))
        #expect(!plain.contains("\r"))
    }

    @Test("a 50 MB article builds, to its last section")
    func hugeArticle() async throws {
        // Built off the cooperative pool; expectations stay on the test's task, where they count.
        let (page, count) = try await offThePool { () throws -> (String, Int) in
            let site = try site()
            let section = "Confirm the booking to create a Zoom meeting; see [the top](#section-0).\n\n"
            var text = "---\ntitle: Huge\n---\n"
            var count = 0
            while text.utf8.count < 50 << 20 {
                text += "## Section \(count)\n\n" + String(repeating: section, count: 40) + "- one\n- two\n\n"
                count += 1
            }
            try site.write("Content/g/huge.md", text)
            _ = try build(site)
            return (try site.read("Public/g/huge/index.html"), count)
        }
        #expect(page.contains(#"<h2 id="section-\#(count - 1)">Section \#(count - 1)</h2>"#))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test("10,000 nested lists, block quotes and emphasis render without exhausting the stack")
    func deepNesting() async throws {
        let depth = 10_000
        let (page, flat) = try await offThePool { () throws -> (String, String) in
            let site = try site()
            let body =
                String(repeating: "- ", count: depth) + "deep\n\n" + String(repeating: ">", count: depth)
                + " quoted\n\n"
                + String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth) + "\n\n"
                + String(repeating: "[", count: depth) + "\n"
            try site.write("Content/g/deep.md", "---\ntitle: Deep\n---\n" + body)
            try site.writeArticle("Content/g/flat.md", title: "Flat")
            _ = try build(site)
            return (try site.read("Public/g/deep/index.html"), try site.read("Public/g/flat/index.html"))
        }
        func count(_ tag: String, in page: String) -> Int { page.components(separatedBy: tag).count - 1 }
        #expect(count("<ul>", in: page) - count("<ul>", in: flat) == depth)
        #expect(count("<blockquote>", in: page) - count("<blockquote>", in: flat) == depth)
    }

    @Test("symbolic link loops, dangling links and links out of Content are errors, not silently skipped")
    func symlinks() throws {
        let site = try site()
        try site.writeArticle("Content/g/ok.md", title: "OK")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.path("Content/g/one.md"), withDestinationPath: "two.md")
        try manager.createSymbolicLink(atPath: site.path("Content/g/two.md"), withDestinationPath: "one.md")
        try manager.createSymbolicLink(atPath: site.path("Content/g/gone.md"), withDestinationPath: "missing.md")
        try manager.createSymbolicLink(atPath: site.path("Content/g/passwd.md"), withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: site.path("Content/outside"), withDestinationPath: "/etc")
        try manager.createSymbolicLink(atPath: site.path("Content/g/inside.md"), withDestinationPath: "ok.md")
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Content/g/gone.md: error: a symbolic link to a missing file (-> missing.md): fix or delete the link",
                "<site>/Content/g/one.md: error: a symbolic link loop (-> two.md): fix or delete the link",
                "<site>/Content/g/passwd.md: error: symbolic link to /etc/passwd, outside the content folder: "
                    + "copy the file into it instead",
                "<site>/Content/g/two.md: error: a symbolic link loop (-> one.md): fix or delete the link",
                "<site>/Content/outside: error: symbolic link to /etc, outside the content folder: "
                    + "copy the file into it instead",
            ])
        for name in ["one.md", "two.md", "gone.md", "passwd.md"] {
            try manager.removeItem(atPath: site.path("Content/g/\(name)"))
        }
        try manager.removeItem(atPath: site.path("Content/outside"))
        _ = try build(site)
        #expect(site.exists("Public/g/inside/index.html"))
    }

    @Test("a template or asset that links out of Templates/ is an error, not a published file")
    func templateSymlinks() throws {
        let site = try site()
        try site.writeArticle("Content/g/ok.md", title: "OK")
        try FileManager.default.createSymbolicLink(
            atPath: site.path("Templates/assets/hostname.txt"), withDestinationPath: "/etc/hostname")
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Templates/assets/hostname.txt: error: symbolic link to /etc/hostname, outside the templates "
                    + "folder: copy the file into it instead"
            ])
    }

    @Test("Markdown links and images that climb out of Content/ are broken links, never copied files")
    func linksOutOfContent() throws {
        let site = try site()
        try site.writeArticle(
            "Content/g/a.md", title: "A", body: "[p](../../../../etc/passwd) ![h](../../../../../etc/hostname)")
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Content/g/a.md:4:1: error: broken link: no page at /etc/passwd/",
                "<site>/Content/g/a.md:4:29: error: broken image: no page at /etc/hostname/",
            ])
    }

    @Test("slugs and aliases that would leave the output folder are refused where they are written")
    func escapingPaths() throws {
        let site = try site()
        try site.write(
            "Content/g/a.md",
            "---\ntitle: A\nslug: ..\naliases:\n  - /old/ok/\n  - ../../etc/\n  - /x/../../y/\n  - //evil.example/x\n---\n"
        )
        try site.write("Content/g/b.md", "---\ntitle: B\nslug: /etc/cron.d\n---\n")
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Content/g/a.md:3:7: error: 'slug' must be one URL segment of letters, digits, '-', '_' or '.', "
                    + "found '..'",
                "<site>/Content/g/a.md:6:5: error: alias '../../etc/' is not a path inside the site: write it like "
                    + "/old/page/ (letters, digits, '-', '_' or '.' between slashes, no '..')",
                "<site>/Content/g/a.md:7:5: error: alias '/x/../../y/' is not a path inside the site: write it like "
                    + "/old/page/ (letters, digits, '-', '_' or '.' between slashes, no '..')",
                "<site>/Content/g/a.md:8:5: error: alias '//evil.example/x' is not a path inside the site: write it "
                    + "like /old/page/ (letters, digits, '-', '_' or '.' between slashes, no '..')",
                "<site>/Content/g/b.md:3:7: error: 'slug' must be one URL segment of letters, digits, '-', '_' or '.', "
                    + "found '/etc/cron.d'",
            ])
    }

    @Test("front matter that is not a mapping, or repeats a key, is an error at its line")
    func frontMatterShapes() throws {
        let site = try site()
        try site.write("Content/g/list.md", "---\n- title\n- A\n---\n")
        try site.write("Content/g/scalar.md", "---\njust some words\n---\n")
        try site.write("Content/g/twice.md", "---\ntitle: A\ndescription: x\ntitle: B\n---\n")
        let messages = try failures(site)
        #expect(
            messages == [
                "<site>/Content/g/list.md:2:1: error: expected 'key: value' lines, found a list",
                "<site>/Content/g/scalar.md:2:1: error: expected 'key: value' lines, found a single value",
                "<site>/Content/g/twice.md:2:1: error: duplicate key 'title': keep one of them",
            ])
    }

    static let hostileArticle = #"""
        ---
        title: "<script>alert('t')</script><img src=x onerror=alert(1)>"
        description: "\"><script>alert('d')</script>"
        tags: ["<script>alert('tag')</script>", "\" onmouseover=\"alert(1)"]
        ---
        # Heading <script>alert('h')</script>

        ![<img src=x onerror=alert('alt')>](data:image/png;base64,iVBORw0KGgo= "t\" onload=\"alert(1)")

        [<b onclick="alert('l')">click</b>](javascript:alert('js')) [d](data:text/html;base64,PHNjcmlwdD4=)
        [v](VBScript:msgbox) <javascript:alert(2)> [e](&#106;avascript:alert(4)) [s](< javascript:alert(5)>)
        [f](file:///etc/passwd)

        <script>alert('raw')</script>
        <div onmouseover="alert('div')">hover</div>

        <img src=x onerror="alert('rawimg')">
        """#

    /// What a browser would run: a script element whose text calls `alert`, an `on*` attribute
    /// of a real tag, or an `href`/`src` whose value starts a script or file URL. Attributes are
    /// read as a browser reads them, so escaped text inside a value never counts.
    static func activeContent(in html: String) -> [String] {
        let tag = try! Regex(
            #"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"#)
        let attribute = try! Regex(#"\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#)
        var found: [String] = []
        for match in html.matches(of: tag) {
            let text = String(html[match.range])
            guard let attributes = match.output[2].substring else { continue }
            for pair in attributes.matches(of: attribute) {
                let name = pair.output[1].substring.map { $0.lowercased() } ?? ""
                let value =
                    (pair.output[2].substring ?? pair.output[3].substring ?? pair.output[4].substring)
                    .map {
                        String($0).trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
                            .lowercased()
                    }
                    ?? ""
                let scriptURL = ["javascript:", "vbscript:", "file:", "data:text"].contains { value.hasPrefix($0) }
                if name.hasPrefix("on") || ((name == "href" || name == "src") && scriptURL) { found.append(text) }
            }
        }
        found += html.matches(of: try! Regex(#"<script[^>]*>[^<]*alert"#).ignoresCase()).map { String(html[$0.range]) }
        return found
    }

    @Test("script, event handlers and script URLs in titles, descriptions, tags, alt and link text end up inert")
    func crossSiteScripting() throws {
        let site = try site()
        try site.write("Content/g/x.md", Self.hostileArticle)
        let template = try site.read("Templates/article.mustache")
        try site.write(
            "Templates/article.mustache",
            template.replacingOccurrences(
                of: "<div class=\"article-body\">",
                with: #"{{#article.tags}}<a class="tag" title="{{.}}" href="/tags/{{.}}/">{{.}}</a>{{/article.tags}}"#
                    + "<div class=\"article-body\">"))
        _ = try build(site)
        var found: [String: [String]] = [:]
        for (path, data) in try site.tree("Public") where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let hits = Self.activeContent(in: String(decoding: data, as: UTF8.self))
            if !hits.isEmpty { found[path] = hits }
        }
        #expect(found == [:])
        let page = try site.read("Public/g/x/index.html")
        #expect(
            page.contains("<h1>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"))
        #expect(page.contains(#"title="&lt;script&gt;alert(&#39;tag&#39;)&lt;/script&gt;""#))
        #expect(page.contains(#"title="&quot; onmouseover=&quot;alert(1)""#))
        #expect(page.contains(#"alt="&lt;img src=x onerror=alert('alt')&gt;" title="t&quot; onload=&quot;alert(1)""#))
        #expect(page.components(separatedBy: "<!-- raw HTML omitted -->").count - 1 == 7)
        #expect(page.components(separatedBy: #"<a href="">"#).count - 1 == 7, "every script or file URL emptied")
        // The detector itself finds what it must: the same body with raw HTML opted in.
        try site.write(
            "site.yml",
            try site.read("site.yml").replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true"))
        _ = try build(site)
        #expect(Self.activeContent(in: try site.read("Public/g/x/index.html")).count >= 3)
    }
}
