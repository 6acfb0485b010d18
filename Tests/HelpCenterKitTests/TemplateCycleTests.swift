import Testing

@testable import HelpCenterKit

@Suite("Template cycles")
struct TemplateCycleTests {
    /// The five page templates, plus `extra`.
    func compile(_ extra: [String: String]) -> [String] {
        var sources = TemplateSet.requiredNames.map { TemplateSource(name: $0, path: "T/\($0).mustache", text: "x") }
        for (name, text) in extra.sorted(by: { $0.key < $1.key }) {
            sources.removeAll { $0.name == name }
            sources.append(TemplateSource(name: name, path: "T/\(name).mustache", text: text))
        }
        do {
            _ = try TemplateSet.compile(sources, directory: "T")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a template that includes itself, directly or through others, is an error at the tag")
    func cycles() {
        #expect(
            compile(["partials/a": "one\n  {{> partials/a}}"]) == [
                "T/partials/a.mustache:2:3: error: template 'partials/a' includes itself "
                    + "(partials/a → partials/a): recursive templates are not supported; remove the cycle"
            ])
        #expect(
            compile(["home": "{{> partials/b}}", "partials/b": "{{> partials/c}}", "partials/c": "{{<home}}{{/home}}"])
                == [
                    "T/partials/c.mustache:1:1: error: template 'home' includes itself "
                        + "(home → partials/b → partials/c → home): recursive templates are not supported; remove the cycle"
                ])
        #expect(
            compile(["home": "{{>*page.title}}"]) == [
                "T/home.mustache:1:1: error: dynamic partial '*page.title' in home is not supported: name the template"
            ])
        #expect(compile(["home": "{{> partials/d}}{{> partials/d}}", "partials/d": "d"]) == [])
        // A name broken over lines is still the name Mustache reads.
        #expect(
            compile(["partials/e": "{{>\npartials/e}}"]) == [
                "T/partials/e.mustache:1:1: error: template 'partials/e' includes itself "
                    + "(partials/e → partials/e): recursive templates are not supported; remove the cycle"
            ])
        #expect(
            compile(["home": "{{=<% %>=}}<%> home %>"]) == [
                "T/home.mustache:1:1: error: delimiter changes ({{=...=}}) are not supported in home: keep {{ and }}"
            ])
    }
}
