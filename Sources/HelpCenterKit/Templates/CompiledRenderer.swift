/// Renders `CompiledTemplate`s with swift-mustache's rules (its `Template+Render.swift`),
/// on typed `TemplateValue`s and into one byte buffer: no dynamic casts, no `String` per token.
///
/// The rules kept, each checked against the library by `CompiledTemplateTests` and the
/// templates fuzzer:
/// - a name is looked up from the innermost value outwards; `a.b` climbs only for `a`, `.a`
///   not at all; `.` is the current value
/// - a section repeats for each item of a list, shows or hides for a boolean, is skipped when
///   the name is missing, and otherwise renders once with the value pushed (even `""` or `0`)
/// - an inverted section renders for a missing name, `false` or an empty list
/// - a partial starts in HTML escaping; an indented one indents each line it starts
/// - block overrides from an outer `{{<parent}}` win over inner ones
///
/// One rule is ours: where the library recurses until the process crashes (an override of
/// `{{$main}}` that itself contains `{{$main}}`), rendering stops with `EndlessNesting`.
struct CompiledRenderer: Sendable {
    var templates: [String: CompiledTemplate]
    /// The library's default escaping, which every template and partial starts with.
    let startEscaping: TemplateEscaping

    /// Partials and blocks nested deeper than this are a loop: real sites nest a handful, and
    /// partials cannot include themselves (`PartialReferences.cycles`), so only a block whose
    /// override includes the same block gets here.
    static let maximumNesting = 100

    /// Rendering met a block that includes itself, and would never finish.
    struct EndlessNesting: Error {}

    /// The page as UTF-8 bytes, ready to write; `nil` for a template it does not have.
    func render(_ name: String, _ value: TemplateValue) throws(EndlessNesting) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var stack = [value]
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        try render(template, Scope(escaping: startEscaping, indentation: nil, inherited: nil), &stack, &out)
        return out
    }

    /// What a template render inherits from its caller, besides the value stack.
    private struct Scope {
        var escaping: TemplateEscaping
        var indentation: String?
        var inherited: [String: CompiledTemplate]?
        /// Partials and blocks entered so far.
        var nesting = 0
    }

    private func render(
        _ template: CompiledTemplate, _ scope: Scope, _ stack: inout [TemplateValue], _ out: inout [UInt8]
    ) throws(EndlessNesting) {
        var scope = scope
        let start = out.count
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in template.nodes { try render(node, &scope, &stack, &out) }
            return
        }
        for node in template.nodes {
            let before = out.count
            try render(node, &scope, &stack, &out)
            // The library indents a token's output when what this template rendered so far
            // ends with "\n" as a Character, so not after "\r\n".
            if out.count > before, before > start, out[before - 1] == 0x0A,
                before - 2 < start || out[before - 2] != 0x0D
            {
                out.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    private func render(
        _ node: CompiledTemplate.Node, _ scope: inout Scope, _ stack: inout [TemplateValue], _ out: inout [UInt8]
    ) throws(EndlessNesting) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            guard let value = Self.lookup(path, in: stack) else { return }
            if escaped {
                scope.escaping.append(value.renderedText, to: &out)
            } else {
                out.append(contentsOf: value.renderedText.utf8)
            }
        case .section(let path, let body):
            switch Self.lookup(path, in: stack) {
            case nil: return
            case .array(let items)?:
                for item in items { try render(body, pushing: item, scope, &stack, &out) }
            case .bool(let shown)?:
                if shown { try render(body, scope, &stack, &out) }
            case let value?:
                try render(body, pushing: value, scope, &stack, &out)
            }
        case .invertedSection(let path, let body):
            switch Self.lookup(path, in: stack) {
            case nil: try render(body, scope, &stack, &out)
            case .array(let items)?:
                if items.isEmpty { try render(body, pushing: .array(items), scope, &stack, &out) }
            case .bool(let shown)?:
                if !shown { try render(body, scope, &stack, &out) }
            case .some: return
            }
        case .block(let name, let fallback, let indentation):
            var inner = scope
            inner.indentation = Self.indent(scope.indentation, by: indentation)
            inner.nesting += 1
            guard inner.nesting <= Self.maximumNesting else { throw EndlessNesting() }
            try render(scope.inherited?[name] ?? fallback, inner, &stack, &out)
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            var inherited = scope.inherited
            if let overrides {
                // Overrides already in force (from an outer parent) win.
                inherited = inherited?.merging(overrides) { current, _ in current } ?? overrides
            }
            let inner = Scope(
                escaping: startEscaping, indentation: Self.indent(scope.indentation, by: indentation),
                inherited: inherited, nesting: scope.nesting + 1)
            guard inner.nesting <= Self.maximumNesting else { throw EndlessNesting() }
            try render(template, inner, &stack, &out)
        case .escaping(let escaping):
            scope.escaping = escaping
        }
    }

    private func render(
        _ body: CompiledTemplate, pushing value: TemplateValue, _ scope: Scope, _ stack: inout [TemplateValue],
        _ out: inout [UInt8]
    ) throws(EndlessNesting) {
        stack.append(value)
        defer { stack.removeLast() }
        try render(body, scope, &stack, &out)
    }

    private static func lookup(_ path: ValuePath, in stack: [TemplateValue]) -> TemplateValue? {
        guard !path.isCurrent, let first = path.names.first else { return stack.last }
        var value: TemplateValue
        if path.isAnchored {
            guard let child = stack.last?.child(first) else { return nil }
            value = child
        } else {
            var found: TemplateValue?
            var level = stack.count - 1
            while found == nil, level >= 0 {
                found = stack[level].child(first)
                level -= 1
            }
            guard let found else { return nil }
            value = found
        }
        for name in path.names.dropFirst() {
            guard let child = value.child(name) else { return nil }
            value = child
        }
        return value
    }

    private static func indent(_ current: String?, by added: String?) -> String? {
        guard let added else { return current }
        return (current ?? "") + added
    }
}

extension TemplateEscaping {
    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .fastHTML: FastHTMLEscaping.append(text, to: &out)
        case .library(let contentType): out.append(contentsOf: contentType.escapeText(text).utf8)
        case .libraryHTML:
            // A cache is written only by a binary that found it (`TemplateCache.encoded`).
            (TokenReflection.libraryHTML ?? .fastHTML).append(text, to: &out)
        }
    }
}
