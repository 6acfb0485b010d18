import Mustache

/// Reads swift-mustache's parsed tokens through `Mirror` (the library keeps them internal) and
/// turns them into a `CompiledTemplate`.
///
/// Anything it does not recognise gives `nil`, and `TemplateSet` then renders with the library
/// itself: transforms (`{{lowercased(x)}}`), dynamic partials (`{{>*name}}`) and any token
/// shape a newer library version might bring. So writers' templates always render; the fast
/// path is an optimisation, and `CompiledTemplateTests` fails if the shipped templates lose it.
enum TokenReflection {
    /// The escaping every template and partial starts with (the library's `HTMLContentType`),
    /// taken from a parsed pragma because the type itself is internal.
    static let libraryHTML = libraryEscaping(named: "HTML")

    /// The library's own escapings by the names its `CONTENT_TYPE` pragma takes: how the
    /// `TemplateCache` names them.
    static let libraryEscapings: [String: TemplateEscaping] = Dictionary(
        uniqueKeysWithValues: ["HTML", "TEXT"].compactMap { name in libraryEscaping(named: name).map { (name, $0) } })

    /// The name `libraryEscapings` gives `contentType`, if any: the types are internal, and
    /// hold no state.
    static func libraryName(of contentType: any MustacheContentType) -> String? {
        libraryEscapings.first { _, escaping in
            guard case .library(let known) = escaping else { return false }
            return ObjectIdentifier(type(of: known)) == ObjectIdentifier(type(of: contentType))
        }?.key
    }

    private static func libraryEscaping(named name: String) -> TemplateEscaping? {
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(name) }}"),
            case .escaping(let escaping)? = compile(template)?.nodes.first
        else { return nil }
        return escaping
    }

    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") else { return nil }
        var nodes: [CompiledTemplate.Node] = []
        for token in Mirror(reflecting: tokens).children {
            guard let node = node(token.value) else { return nil }
            nodes.append(node)
        }
        return CompiledTemplate(nodes: nodes)
    }

    private static func node(_ token: Any) -> CompiledTemplate.Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else {
            return nil
        }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        switch kind {
        case "text":
            guard let text = payload.value as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = fields[0] as? String, noTransforms(fields[1]) else { return nil }
            return .variable(ValuePath(name), escaped: kind == "variable")
        case "section", "invertedSection":
            guard fields.count == 3, let name = fields[0] as? String, noTransforms(fields[1]),
                let body = (fields[2] as? MustacheTemplate).flatMap(compile)
            else { return nil }
            return kind == "section" ? .section(ValuePath(name), body) : .invertedSection(ValuePath(name), body)
        case "blockExpansion":
            guard fields.count == 3, let name = fields[0] as? String,
                let fallback = (fields[1] as? MustacheTemplate).flatMap(compile),
                let indentation = fields[2] as? String?
            else { return nil }
            return .block(name: name, fallback: fallback, indentation: indentation)
        case "partial":
            guard fields.count == 3, let name = fields[0] as? String, let indentation = fields[1] as? String?,
                let inherits = fields[2] as? [String: MustacheTemplate]?
            else { return nil }
            guard let inherits else { return .partial(name: name, indentation: indentation, overrides: nil) }
            var overrides: [String: CompiledTemplate] = [:]
            for (block, template) in inherits {
                guard let compiled = compile(template) else { return nil }
                overrides[block] = compiled
            }
            return .partial(name: name, indentation: indentation, overrides: overrides)
        case "contentType":
            guard let contentType = payload.value as? any MustacheContentType else { return nil }
            return .escaping(contentType is FastHTMLEscaping ? .fastHTML : .library(contentType))
        default:
            return nil
        }
    }

    /// Transforms are left to the library: they depend on the Swift type of each value.
    private static func noTransforms(_ field: Any) -> Bool {
        (field as? [String])?.isEmpty == true
    }
}

extension CompiledRenderer? {
    /// Adds `template` under `name`; one the renderer cannot take hands the whole set to the
    /// library (`nil`), since partials and parents cross templates.
    mutating func add(_ template: MustacheTemplate, named name: String) {
        guard let compiled = TokenReflection.compile(template) else {
            self = nil
            return
        }
        self?.templates[name] = compiled
    }
}
