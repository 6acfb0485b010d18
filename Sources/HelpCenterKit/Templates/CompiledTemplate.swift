import Mustache

/// A template as swift-mustache parsed it, in a form `CompiledRenderer` walks without
/// `Any`: the library's renderer looks every name up through dynamic casts on `[String: Any]`,
/// which was a third of a 10,000-page build.
///
/// The tree is read from the library's own parse (`TokenReflection`), so standalone lines,
/// partial indentation and inheritance are exactly the library's; only rendering is ours.
struct CompiledTemplate: Sendable {
    var nodes: [Node]

    /// `indirect`: a node is one boxed reference, so walking the nodes retains one pointer per
    /// node instead of every array and string in it (4% of a build's CPU).
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(ValuePath, escaped: Bool)
        case section(ValuePath, CompiledTemplate)
        case invertedSection(ValuePath, CompiledTemplate)
        /// `{{$name}}default{{/name}}` in a parent: an override from the child, or the default.
        case block(name: String, fallback: CompiledTemplate, indentation: String?)
        /// `{{> name}}`, or `{{< name}}` with the block overrides given inside it.
        case partial(name: String, indentation: String?, overrides: [String: CompiledTemplate]?)
        case escaping(TemplateEscaping)
    }
}

/// How `{{name}}`, `{{.}}` or `{{a.b.c}}` finds its value, split once when compiling.
struct ValuePath: Sendable, Hashable {
    /// `{{.}}`: the value on top of the stack.
    var isCurrent: Bool
    /// `{{.a.b}}`: looked up in the top value only, without climbing the stack.
    var isAnchored: Bool
    var names: [String]

    /// The library's reading of a name: `.` is the current value, a leading dot anchors, and
    /// empty parts (`a..b`) are dropped.
    init(_ name: String) {
        isCurrent = name == "."
        isAnchored = !isCurrent && name.first == "."
        names = isCurrent ? [] : name.split(separator: ".").map(String.init)
    }
}

/// The escaping a `CONTENT_TYPE` pragma selects: ours byte by byte, or any other the library
/// knows (called through its protocol, so its bytes are the library's own).
enum TemplateEscaping: Sendable {
    case fastHTML
    case library(any MustacheContentType)
    /// The library's HTML escaping, which every template and partial starts in, looked up on
    /// first use (`TokenReflection.libraryHTML` parses a template to find it): templates taken
    /// from the `TemplateCache` switch to ours on their first line and never need it.
    case libraryHTML
}
