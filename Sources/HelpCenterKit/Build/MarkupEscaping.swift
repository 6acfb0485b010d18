/// Text for HTML and XML, in content or in a double-quoted attribute: the one escape that
/// redirect pages, the sitemap, `serve`'s error page and `verify`'s JUnit report share.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
