import Testing

@testable import HelpCenterKit

@Suite("site.yml")
struct SiteConfigTests {
    @Test("reads every key and derives the root path from the base URL")
    func readsKeys() throws {
        let config = try SiteConfigLoader.parse(
            """
            title: Help
            base_url: https://example.com/docs
            product: Example
            support_email: care@example.com
            language: de
            unsafe_html: true
            theme: dark
            """, path: "site.yml")
        #expect(config.title == "Help")
        #expect(config.baseURL == "https://example.com/docs/")
        #expect(config.rootPath == "/docs/")
        #expect(config.productName == "Example")
        #expect(config.supportEmail == "care@example.com")
        #expect(config.language == "de")
        #expect(config.unsafeHTML)
        #expect(config.params["theme"] == .string("dark"))
    }

    @Test("defaults: root path '/', language en, product = title, raw HTML omitted")
    func defaults() throws {
        let config = try SiteConfigLoader.parse("title: Help\n", path: "site.yml")
        #expect(config.rootPath == "/")
        #expect(config.language == "en")
        #expect(config.productName == "Help")
        #expect(!config.unsafeHTML)
    }

    @Test("missing title and wrong types are located")
    func errors() {
        #expect(throws: HelpCenterError.self) { try SiteConfigLoader.parse("base_url: /\n", path: "site.yml") }
        do {
            _ = try SiteConfigLoader.parse("title: Help\nunsafe_html: sometimes\n", path: "site.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "site.yml:2:14: error: 'unsafe_html' must be true or false, found 'sometimes'")
        }
    }

    @Test("a missing file says how to fix it")
    func missingFile() {
        do {
            _ = try SiteConfigLoader.load(path: "/nonexistent/site.yml")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "/nonexistent/site.yml: error: site config: no such file: create site.yml with at least "
                    + "'title:' and 'base_url:', or pass --config PATH")
        }
    }
}
