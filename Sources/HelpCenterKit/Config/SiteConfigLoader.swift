import Foundation
import Yams

/// Reads and checks `site.yml`.
public enum SiteConfigLoader {
    /// Loads the file at `path`.
    /// - Throws: `HelpCenterError` naming the file (and line) when it is missing or wrong.
    public static func load(path: String) throws(HelpCenterError) -> SiteConfig {
        try loadWithText(path: path).config
    }

    /// `load`, plus the exact text parsed: the build cache digests what was used, not what the
    /// file says a moment later.
    static func loadWithText(path: String) throws(HelpCenterError) -> (config: SiteConfig, text: String) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw HelpCenterError(
                .error(
                    "site config: \(reason): create site.yml with at least 'title:' and 'base_url:', "
                        + "or pass --config PATH",
                    at: SourceLocation(path: path)))
        }
        return (try parse(text, path: path), text)
    }

    /// Parses the text of a `site.yml`.
    public static func parse(_ text: String, path: String) throws(HelpCenterError) -> SiteConfig {
        var reader = YAMLReader(path: path, lineOffset: 0)
        guard let mapping = reader.mapping(from: text) else { throw HelpCenterError(reader.diagnostics) }
        var values: [String: String] = [:]
        var unsafeHTML = false
        var verificationDisplay = VerificationDisplay.readers
        var brokenLinks = Diagnostic.Severity.error
        var params: [String: TemplateValue] = [:]
        for (keyNode, node) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title", "base_url", "product", "support_email", "language":
                values[key] = reader.string(key, node)
            case "unsafe_html": unsafeHTML = reader.bool(key, node) ?? false
            case "verification_display":
                let value = reader.string(key, node)
                if let display = value.flatMap(VerificationDisplay.init(rawValue:)) {
                    verificationDisplay = display
                } else if value != nil {
                    reader.report(
                        "'verification_display' must be readers, qa or off, found '\(value ?? "")'", at: node.mark)
                }
            case "broken_links":
                let value = reader.string(key, node)
                if let severity = value.flatMap(Diagnostic.Severity.init(rawValue:)) {
                    brokenLinks = severity
                } else if value != nil {
                    reader.report(
                        "'broken_links' must be error or warning, found '\(value ?? "")'", at: node.mark)
                }
            case "params":
                if case .dictionary(let dictionary) = reader.value(node) { params.merge(dictionary) { $1 } }
            default: params[key] = reader.value(node)
            }
        }
        guard let title = values["title"], !title.isEmpty else {
            reader.report("missing 'title': add a line like 'title: Help Center'", at: mapping.mark)
            throw HelpCenterError(reader.diagnostics)
        }
        guard reader.diagnostics.isEmpty else { throw HelpCenterError(reader.diagnostics) }
        var config = SiteConfig(
            title: title,
            baseURL: values["base_url"] ?? "/",
            productName: values["product"],
            supportEmail: values["support_email"],
            language: values["language"] ?? "en",
            unsafeHTML: unsafeHTML,
            verificationDisplay: verificationDisplay,
            params: params)
        config.brokenLinks = brokenLinks
        return config
    }
}
