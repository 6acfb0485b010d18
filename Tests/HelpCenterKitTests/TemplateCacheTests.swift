import Foundation
import Mustache
import TestSupport
import Testing

@testable import HelpCenterKit

/// `TemplateCache` gives back exactly the set that was compiled, and only for the same files
/// and binary.
@Suite("Template cache")
struct TemplateCacheTests {
    let generator = "test-generator"

    /// `set` saved and read back the way a build does, checked to encode to the same bytes again.
    func restored(_ set: TemplateSet) throws -> TemplateSet {
        let bytes = try #require(TemplateCache.encoded(set, generator: generator))
        var reader = ByteReader(bytes)
        let restored = try #require(try TemplateCache.decode(from: &reader, generator: generator, sources: set.sources))
        #expect(restored.isRestored && !set.isRestored)
        #expect(TemplateCache.encoded(restored, generator: generator) == bytes)
        return restored
    }

    @Test("the shipped templates come back rendering every page with the same bytes, with the library too")
    func shippedSite() throws {
        let site = try TemporarySite(copyRealContent: true)
        let templates = try TemplateSet.load(directory: site.path("Templates"))
        let restored = try restored(templates)
        let (context, pages) = try CompiledTemplateTests.pages(of: site)
        let siteWide = context.siteWide()
        for (name, values) in pages {
            let html = try templates.render(name, values)
            #expect(html.contains("</html>"))
            #expect(try restored.render(name, values) == html, "\(name)")
            #expect(restored.renderWithLibrary(name, values) == html, "\(name)")
            #expect(
                try restored.renderingSiteWidePartialsOnce(with: siteWide).render(name, values)
                    == templates.renderingSiteWidePartialsOnce(with: siteWide).render(name, values))
        }
    }

    @Test("random templates come back rendering the same bytes", arguments: [11, 12] as [UInt64])
    func randomTemplates(seed: UInt64) throws {
        var random = RandomTemplates(random: SeededGenerator(seed: seed))
        var compared = 0
        for _ in 0..<300 {
            let sources = [
                "t": random.template(depth: 0, partials: ["p", "parent"]),
                "p": random.template(depth: 1, partials: ["parent"]), "parent": random.template(depth: 1, partials: []),
            ]
            guard let templates = try? CompiledTemplateTests().templateSet(sources) else { continue }
            let restored = try restored(templates)
            let values = random.context()
            // A block including itself fails both ways.
            #expect((try? restored.render("t", values)) == (try? templates.render("t", values)), "\(sources)")
            compared += 1
        }
        #expect(compared > 150)
    }

    @Test("the library's own escapings come back; a set the library renders is not cached")
    func escapings() throws {
        let partial = try CompiledTemplateTests().templateSet([
            "t": "{{% CONTENT_TYPE: TEXT }}{{x}}|{{> p}}|{{% CONTENT_TYPE: HTML }}{{x}}", "p": "{{x}}",
        ])
        // TEXT, then the library's HTML a partial starts in, then HTML by name.
        #expect(try restored(partial).render("t", ["x": "<&>"]) == "<&>|&lt;&amp;&gt;|&lt;&amp;&gt;")
        #expect(Set(TokenReflection.libraryEscapings.keys) == ["HTML", "TEXT"])
        let transforms = try CompiledTemplateTests().templateSet(["t": "{{uppercased(title)}}"])
        #expect(!transforms.rendersCompiled)
        #expect(TemplateCache.encoded(transforms, generator: generator) == nil)
    }

    @Test("a restored set starts in the library's own HTML escaping, looked up when first needed")
    func lazyStartEscaping() throws {
        let compiled = try #require(TokenReflection.compile(try MustacheTemplate(string: "{{x}}")))
        let values: TemplateValue = ["x": "<\u{338}&>"]
        let lazy = CompiledRenderer(templates: ["t": compiled], startEscaping: .libraryHTML)
        let html = try #require(try lazy.render("t", values))
        // The library's escaping walks Characters, so it leaves the fused '<' alone; ours would not.
        #expect(String(decoding: html, as: UTF8.self) == "<\u{338}&amp;&gt;")
    }

    @Test("a text changed only in its Unicode normalization is another template")
    func canonicallyEquivalentText() throws {
        let site = try TemporarySite()
        let output = site.path("Public")
        func sources(_ word: String) -> [TemplateSource] {
            TemplateSet.requiredNames.map { TemplateSource(name: $0, path: "\($0).mustache", text: "<p>\(word)</p>") }
        }
        let composed = sources("caf\u{E9}")
        let decomposed = sources("cafe\u{301}")
        #expect(composed == decomposed, "Swift calls them equal")
        try TemplateCache.save(TemplateSet.compile(composed, directory: "T"), forOutput: output, generator: generator)
        #expect(TemplateCache.load(forOutput: output, generator: generator, sources: composed) != nil)
        #expect(TemplateCache.load(forOutput: output, generator: generator, sources: decomposed) == nil)
    }

    @Test("any other template file, another binary or a damaged file means compiling again")
    func untrusted() throws {
        let site = try TemporarySite(copyRealContent: true)
        let output = site.path("Public")
        let sources = try TemplateSet.read(directory: site.path("Templates"))
        let templates = try TemplateSet.compile(sources, directory: site.path("Templates"))
        #expect(TemplateCache.load(forOutput: output, generator: generator, sources: sources) == nil)
        try TemplateCache.save(templates, forOutput: output, generator: generator)
        let loaded = try #require(TemplateCache.load(forOutput: output, generator: generator, sources: sources))
        #expect(loaded.isRestored && loaded.names == templates.names)
        #expect(TemplateCache.load(forOutput: output, generator: "another binary", sources: sources) == nil)
        var changes: [[TemplateSource]] = [
            Array(sources.dropLast()), sources + [sources[0]], Array(sources.reversed()),
        ]
        for index in sources.indices {
            for change in [\TemplateSource.name, \.path, \.text] {
                var changed = sources
                changed[index][keyPath: change] += " "
                changes.append(changed)
            }
        }
        for changed in changes {
            #expect(TemplateCache.load(forOutput: output, generator: generator, sources: changed) == nil)
        }
        let file = site.path(".Public.template-cache")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        var random = SeededGenerator(seed: 5)
        for _ in 0..<100 {
            var damaged = bytes
            damaged[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            try Data(damaged).write(to: URL(fileURLWithPath: file))
            #expect(TemplateCache.load(forOutput: output, generator: generator, sources: sources) == nil)
            let length = Int(random.next() % UInt64(bytes.count))
            try Data(bytes[..<length]).write(to: URL(fileURLWithPath: file))
            #expect(TemplateCache.load(forOutput: output, generator: generator, sources: sources) == nil)
        }
    }
}

extension IncrementalBuildTests {
    @Test("a build takes its templates from the cache of the same files; an edited template or --full compiles")
    func templatesFromCache() throws {
        let site = try Self.makeSite()
        try buildAndCompare(site, "first build")
        let cacheFile = site.path(".Public.template-cache")
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        // A cache for the real files whose article template says more: only a build that takes
        // the cache shows it.
        let sources = try TemplateSet.read(directory: site.path("Templates"))
        let marked = try TemplateSet.compile(
            sources.map {
                $0.name == "article" ? TemplateSource(name: $0.name, path: $0.path, text: $0.text + "FROM-CACHE") : $0
            },
            directory: "Templates")
        func tamper() throws {
            let compiled = try #require(marked.compiled)
            let lying = TemplateSet(restoring: compiled, sources: sources, siteWidePartials: marked.siteWidePartials)
            let payload = try #require(TemplateCache.encoded(lying, generator: BuildCache.currentGenerator))
            try CacheFile.write([payload], to: cacheFile, through: cacheFile + ".tmp")
        }
        try tamper()
        try append(site, "Content/guides/article-1.md", "\nEdited.\n")
        _ = try SiteBuilder(options: options(site)).build()
        #expect(try site.read("Public/guides/article-1/index.html").contains("FROM-CACHE"))

        // --full ignores it, and saves the real one.
        _ = try SiteBuilder(options: options(site, cache: false)).build()
        #expect(try !site.read("Public/guides/article-1/index.html").contains("FROM-CACHE"))
        try append(site, "Content/guides/article-1.md", "\nAgain.\n")
        #expect(try buildAndCompare(site, "after --full").rendered == 1)

        try tamper()
        try append(site, "Templates/article.mustache", "EDITED-TEMPLATE")
        let report = try buildAndCompare(site, "template edited")
        #expect(report.fullBuildReason != nil)
        let page = try site.read("Public/guides/article-1/index.html")
        #expect(page.contains("EDITED-TEMPLATE") && !page.contains("FROM-CACHE"))
        try append(site, "Content/guides/article-1.md", "\nOnce more.\n")
        #expect(try buildAndCompare(site, "after the template edit").rendered == 1)
    }
}
