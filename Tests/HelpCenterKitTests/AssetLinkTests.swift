import Foundation
import TestSupport
import Testing

@testable import HelpCenterKit

/// Links and images to the site's assets, however a writer spells them, point at the file the
/// build writes: its fingerprinted name.
@Suite("Links to assets")
struct AssetLinkTests {
    @Test("a relative link or image to an asset gets the fingerprinted name, in full and incremental builds")
    func relativeAssetLinks() throws {
        let site = try TemporarySite(copyRealContent: true)
        try site.write("Templates/assets/img/x.gif", "GIF89a")
        let body = "![A diagram](../../assets/img/x.gif) and [the picture](../../assets/img/x.gif \"x\")."
        try site.writeArticle("Content/integrations/pictures.md", title: "Pictures", body: body)
        let options = BuildOptions(
            contentPath: site.path("Content"), templatesPath: site.path("Templates"), outputPath: site.path("Public"),
            configPath: site.path("site.yml"))
        _ = try SiteBuilder(options: options).build()
        let written = try FileManager.default.contentsOfDirectory(atPath: site.path("Public/assets/img"))
        #expect(written.count == 1 && written[0].hasPrefix("x.") && written[0].hasSuffix(".gif"), "\(written)")
        let fingerprinted = "/assets/img/\(written[0])"
        var page = try site.read("Public/integrations/pictures/index.html")
        #expect(page.contains(#"<img src="\#(fingerprinted)" alt="A diagram" />"#), "\(page)")
        #expect(page.contains(#"<a href="\#(fingerprinted)" title="x">the picture</a>"#))
        #expect(!page.contains("../../assets/"))

        try site.writeArticle("Content/integrations/pictures.md", title: "Pictures", body: body + " Edited.")
        _ = try SiteBuilder(options: options).build()
        page = try site.read("Public/integrations/pictures/index.html")
        #expect(page.contains("Edited.") && page.contains(#"<img src="\#(fingerprinted)""#))
    }
}
