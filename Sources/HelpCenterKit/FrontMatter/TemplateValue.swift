/// A YAML value kept for templates (front-matter keys we don't model, `params` in site.yml).
///
/// A closed enum rather than `Any` so page models stay `Sendable` and comparable.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([TemplateValue])
    case dictionary([String: TemplateValue])
    case null

    /// The value as Mustache expects it: plain Swift strings, numbers, arrays and dictionaries.
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
}
