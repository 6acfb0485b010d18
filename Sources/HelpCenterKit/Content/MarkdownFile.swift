/// Reading a Markdown file for tools that need only its text.
public enum MarkdownFile {
    /// The file's text, or a diagnostic naming it and the reason it cannot be read.
    public static func read(_ path: String) throws(HelpCenterError) -> String {
        try SourceFileReader.read(path)
    }
}
