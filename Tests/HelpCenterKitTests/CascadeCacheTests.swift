import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// What a full build leaves in the cache for the next build.
@Suite("Cache after a cascade change")
struct CascadeCacheTests {
    @Test("a removed cascade leaves no stale copy in the cache: the next incremental build sees the page")
    func cascadeRemoved() throws {
        let site = try TemporarySite()
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\ncascade:\n  build:\n    render: never\n---\n")
        try site.writeArticle("Content/guides/a.md", title: "Alpha")
        try site.writeArticle("Content/billing/x.md", title: "X")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(!site.exists("Public/guides/a/index.html"))
        try site.write("Content/guides/_index.md", "---\ntitle: Guides\n---\n")
        _ = try SiteBuilder(options: site.buildOptions).build()
        #expect(site.exists("Public/guides/a/index.html"))
        try site.writeArticle("Content/billing/x.md", title: "X", body: "See [Alpha](../guides/a.md).")
        let report = try SiteBuilder(options: site.buildOptions).build()
        #expect(report.rendered == 1)
        #expect(try site.read("Public/billing/x/index.html").contains(#"<a href="/guides/a/">Alpha</a>"#))
    }
}
