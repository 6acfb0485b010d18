/// A value templates read: front-matter keys we don't model, `params` in site.yml, and every
/// page context (`PageContext`).
///
/// A closed enum rather than `Any` so page models stay `Sendable` and comparable, and so
/// `CompiledRenderer` renders without dynamic casts.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([TemplateValue])
    case dictionary([String: TemplateValue])
    case null

    /// The value as swift-mustache expects it: plain Swift strings, numbers, arrays and
    /// dictionaries (for templates only the library itself can render, see `TokenReflection`).
    public var mustacheValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .array(let values): values.map(\.mustacheValue)
        case .dictionary(let values): values.mapValues(\.mustacheValue)
        case .null: ""
        }
    }

    /// The value named `name` inside this one; only dictionaries have any.
    func child(_ name: String) -> TemplateValue? {
        guard case .dictionary(let values) = self else { return nil }
        return values[name]
    }

    /// What `{{name}}` shows: the library's `String(describing:)` of `mustacheValue`.
    var renderedText: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(describing: value)
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .array, .dictionary: String(describing: mustacheValue)
        }
    }
}
