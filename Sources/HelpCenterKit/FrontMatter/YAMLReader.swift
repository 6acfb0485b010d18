import Foundation
import Yams

/// Reads typed fields out of a composed YAML mapping, turning every type mismatch into a
/// diagnostic that points at the offending value.
///
/// Shared by front matter and `site.yml`, which have the same needs: line numbers in errors
/// and unknown keys kept for templates.
struct YAMLReader {
    let path: String
    /// File lines before the YAML text (the opening `---` for front matter).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Composes `yaml` into a mapping; `nil` (with a diagnostic) when it is not valid YAML or not
    /// a mapping. An empty document is an empty mapping.
    mutating func mapping(from yaml: String) -> Node.Mapping? {
        let node: Node?
        do {
            // An explicit encoding: the default reads the process environment on every call.
            // The basic resolver: the default one runs up to seven regular expressions on every
            // key to type it (for Yams' duplicate-key check), 5% of a build. Nothing here reads
            // Yams' implicit types: values are typed by `value(_:)` and the typed fields. Two
            // differences, both in YAML few would write: `1:` and `"1":` now count as the same
            // key; and a plain key that is also an anchor (`&k yes: 1`) makes its aliases text,
            // since Yams shares the node's tag (`draft: *k` is then 'yes', not true).
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", at: location(nil)))
            return nil
        }
        guard let node else { return Node.Mapping([]) }
        guard case .mapping(let mapping) = node else {
            report("expected 'key: value' lines, found \(kind(of: node))", at: node.mark)
            return nil
        }
        return mapping
    }

    /// The location of a YAML mark in the file.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func report(_ message: String, at mark: Mark?) {
        diagnostics.append(.error(message, at: location(mark)))
    }

    // MARK: Typed fields

    mutating func string(_ key: String, _ node: Node) -> String? {
        guard case .scalar(let scalar) = node else {
            report("'\(key)' must be text, found \(kind(of: node))", at: node.mark)
            return nil
        }
        return Self.isNull(scalar) ? nil : scalar.string
    }

    mutating func int(_ key: String, _ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            report("'\(key)' must be a whole number, found \(describe(node))", at: node.mark)
            return nil
        }
        return value
    }

    mutating func bool(_ key: String, _ node: Node) -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            report("'\(key)' must be true or false, found \(describe(node))", at: node.mark)
            return nil
        }
        return value
    }

    /// A list of strings; a single string is accepted as a list of one, as Hugo does.
    mutating func strings(_ key: String, _ node: Node) -> [String]? {
        switch node {
        case .scalar(let scalar):
            return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    report("'\(key)' must be a list of text values, found \(kind(of: item)) in it", at: item.mark)
                    return nil
                }
                values.append(scalar.string)
            }
            return values
        default:
            report("'\(key)' must be a list of text values, found \(kind(of: node))", at: node.mark)
            return nil
        }
    }

    /// A date (`2026-11-25`) or a date and time (`2026-11-25T10:00:00Z`).
    mutating func date(_ key: String, _ node: Node) -> Date? {
        guard case .scalar(let scalar) = node, let date = Self.parseDate(scalar.string) else {
            report(
                "'\(key)' must be a date like 2026-11-25 or 2026-11-25T10:00:00Z, found \(describe(node))",
                at: node.mark)
            return nil
        }
        return date
    }

    /// Any YAML value, for keys we keep for templates.
    func value(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            if Self.isNull(scalar) { return .null }
            if scalar.style == .plain, let bool = node.bool { return .bool(bool) }
            if scalar.style == .plain, let int = Int(scalar.string) { return .int(int) }
            if scalar.style == .plain, let double = Double(scalar.string) { return .double(double) }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .array(sequence.map(value))
        case .mapping(let mapping):
            var values: [String: TemplateValue] = [:]
            for (key, item) in mapping { values[key.string ?? ""] = value(item) }
            return .dictionary(values)
        case .alias:
            return .null
        }
    }

    // MARK: Helpers

    /// YAML's null: an empty, `~` or `null` plain scalar.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func parseDate(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-")
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(month), (1...31).contains(day)
        {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let components = DateComponents(year: year, month: month, day: day)
            guard let date = calendar.date(from: components),
                calendar.component(.day, from: date) == day
            else { return nil }
            return date
        }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: trimmed)
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "nested 'key: value' lines"
        case .alias: "an alias"
        }
    }

    private func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
        return kind(of: node)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("invalid YAML: \(detail)", at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys): keep one of them", at: location(context.mark))
        default:
            return .error("invalid YAML: \(error)", at: location(nil))
        }
    }
}
