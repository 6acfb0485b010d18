import Foundation

/// Writers may link to another article by its file (`../billing/refunds.md#anchor`), as they
/// would on GitHub; readers need the page's URL. `check` resolves the same way, so a link it
/// accepts is a link that works.
struct MarkdownLinkRewriter {
    let resolver: LinkResolver
    /// Where the files beside articles are published.
    let resources: ContentResources

    init(content: SiteContent, config: SiteConfig, contentPath: String) {
        resolver = LinkResolver(content: content, config: config, contentPath: contentPath)
        resources = ContentResources(contentPath: contentPath)
    }

    /// Rewrites with the resolver `check` used. Built from the site with its drafts, it agrees with
    /// one built without them on every page published: those may not link to drafts.
    init(resolver: LinkResolver, resources: ContentResources) {
        self.resolver = resolver
        self.resources = resources
    }

    /// `html` with every `.md` link of `body` pointing at its page, every link or image to a
    /// file beside the article at its published name, and every other one to an asset written
    /// root-relative (`"/assets/img/x.gif"`), the spelling the build's
    /// fingerprinting turns into the name it writes (`x.610f5ae4.gif`).
    func rewrite(_ html: String, body: RenderedMarkdown, page: String, sourcePath: String) -> String {
        var html = html
        for link in body.links {
            let attribute = link.isImage ? "src" : "href"
            let url: String
            switch resolver.resolve(link.url, fromPage: page, sourcePath: sourcePath) {
            case .page(let target, let anchor)
            where !link.isImage && (Self.isMarkdownFile(link.url) || Self.needsURLForm(link.url)):
                url = resolver.rootPath + target + (anchor.map { "#" + $0 } ?? "")
            case .file(let path) where path.hasPrefix("assets/") && link.url != resolver.rootPath + path:
                url = resolver.rootPath + path
            case .resource(let path):
                guard let published = resources.publishedPath(path) else { continue }
                url = resolver.rootPath + published
            default:
                continue
            }
            guard link.isRawHTML else {
                html = html.replacingBytes(
                    of: "\(attribute)=\"\(HTMLBuffer.escapedURL(link.url))\"",
                    with: "\(attribute)=\"\(HTMLBuffer.escapedURL(url))\"")
                continue
            }
            // A tag as the writer wrote it: either quote, the URL as typed.
            for quote in ["\"", "'"] {
                html = html.replacingBytes(
                    of: "\(attribute)=\(quote)\(link.url)\(quote)",
                    with: "\(attribute)=\(quote)\(HTMLBuffer.escapedURL(url))\(quote)")
            }
        }
        return html
    }

    /// A page link with capitals or spaces in its path (`/Billing/Refunds/`): written as the
    /// page's published, lower-cased path.
    static func needsURLForm(_ url: String) -> Bool {
        let path = url.utf8.prefix { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "?") }
        return path.contains { (0x41...0x5A).contains($0) || $0 == UInt8(ascii: "%") }
    }

    static func isMarkdownFile(_ url: String) -> Bool {
        let path = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        return path.hasSuffix(".md") && !path.contains(":")
    }
}
