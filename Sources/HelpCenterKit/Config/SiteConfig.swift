import Foundation

/// `site.yml`: what the whole help center shares.
public struct SiteConfig: Sendable, Hashable {
    /// The site name in the header and the browser tab.
    public var title: String
    /// Where the site is published, e.g. `https://help.valhallgames.net/`; always ends in `/`.
    public var baseURL: String
    /// The product the help center documents.
    public var productName: String
    /// Where "Still need help?" sends readers.
    public var supportEmail: String?
    /// The page language (`lang` attribute), BCP 47.
    public var language: String
    /// Pass raw HTML in Markdown through instead of omitting it.
    public var unsafeHTML: Bool
    /// How article pages show what `verify` found: for readers (default), for QA, or not at all.
    public var verificationDisplay: VerificationDisplay
    /// What a broken link, image or anchor is: an error that stops the build (default), or a
    /// warning that `check` and `build` still list, for a site moving over while it fixes them.
    public var brokenLinks: Diagnostic.Severity = .error
    /// Any other keys, for templates as `site.params.<key>`.
    public var params: [String: TemplateValue]

    public init(
        title: String,
        baseURL: String = "/",
        productName: String? = nil,
        supportEmail: String? = nil,
        language: String = "en",
        unsafeHTML: Bool = false,
        verificationDisplay: VerificationDisplay = .readers,
        params: [String: TemplateValue] = [:]
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.productName = productName ?? title
        self.supportEmail = supportEmail
        self.language = language
        self.unsafeHTML = unsafeHTML
        self.verificationDisplay = verificationDisplay
        self.params = params
    }

    /// The path part of `baseURL` (`/` or `/docs/`), which every site link starts with.
    public var rootPath: String {
        guard let components = URLComponents(string: baseURL), !components.path.isEmpty else { return "/" }
        let path = components.path.hasPrefix("/") ? components.path : "/" + components.path
        return path.hasSuffix("/") ? path : path + "/"
    }
}
