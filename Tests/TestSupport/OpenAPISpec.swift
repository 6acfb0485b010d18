import Foundation

/// A lookup or load failure, worded so a failing test says what the spec lacks.
public struct OpenAPIError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// An OpenAPI 3.0 document with a small, deliberately strict validator, so tests can prove that
/// mock responses have exactly the shape the real API documents (no undeclared fields, right types).
// `@unchecked`: the document is `[String: Any]` from `JSONSerialization`, never mutated after init.
public struct OpenAPISpec: @unchecked Sendable {
    /// The whole parsed document.
    public let document: [String: Any]

    /// Loads a JSON (not YAML) OpenAPI document.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw OpenAPIError("\(url.path): top level is not a JSON object")
        }
        document = object
    }

    /// Wraps an in-memory document, e.g. a tiny spec whose `components` a test's schemas `$ref`.
    public init(json: [String: Any]) {
        document = json
    }

    /// The `application/json` schema of one documented response.
    public func responseSchema(path: String, method: String, status: Int) throws -> Any {
        let label = "\(method.uppercased()) \(path)"
        guard let item = (document["paths"] as? [String: Any])?[path] as? [String: Any] else {
            throw OpenAPIError("spec has no path '\(path)'")
        }
        guard let operation = item[method.lowercased()] as? [String: Any] else {
            throw OpenAPIError("spec has no \(label); the path has: \(item.keys.sorted().joined(separator: ", "))")
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard let rawResponse = responses[String(status)] else {
            let known = responses.keys.sorted().joined(separator: ", ")
            throw OpenAPIError("\(label) documents no \(status) response; it has: \(known)")
        }
        let response = try dereference(rawResponse).get()
        let content = response["content"] as? [String: Any]
        guard let schema = (content?["application/json"] as? [String: Any])?["schema"] else {
            throw OpenAPIError("\(label) \(status) has no application/json schema")
        }
        return schema
    }

    /// Problems with `json` (empty when valid), each prefixed with a JSON path like `$.settings.host_video`.
    /// `allowedExtraProperties` exempts undeclared top-level names from the strict unexpected-property check.
    public func validate(_ json: Any, against schema: Any, allowedExtraProperties: Set<String> = []) -> [String] {
        check(json, schema, at: "$", inherited: allowedExtraProperties, strict: true)
    }

    /// `inherited` holds names declared by an enclosing schema (or allowed by the caller) that this
    /// schema must not call unexpected; `strict` is false for allOf parts, whose parent checks.
    private func check(_ value: Any, _ raw: Any, at path: String, inherited: Set<String>, strict: Bool) -> [String] {
        let schema: [String: Any]
        switch dereference(raw) {
        case .success(let resolved): schema = resolved
        case .failure(let error): return ["\(path): \(error.description)"]
        }
        let kind = JSONKind(value)
        let type = schema["type"] as? String
        if kind == .null, schema["nullable"] as? Bool == true { return [] }
        if let type, !kind.matches(type) { return ["\(path): expected \(type), found \(kind.rawValue)"] }
        var problems: [String] = []
        if let options = schema["enum"] as? [Any], !options.contains(where: { jsonEqual($0, value) }) {
            let allowed = options.map(render).joined(separator: ", ")
            problems.append("\(path): \(render(value)) is not one of [\(allowed)]")
        }
        problems += checkScalar(value, kind, schema, at: path)
        if let object = value as? [String: Any] {
            problems += checkObject(object, schema, at: path, inherited: inherited, strict: strict)
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, element) in array.enumerated() {
                problems += check(element, items, at: "\(path)[\(index)]", inherited: [], strict: true)
            }
        }
        problems += checkComposition(value, schema, at: path, inherited: inherited, strict: strict)
        return problems
    }

    private func checkScalar(_ value: Any, _ kind: JSONKind, _ schema: [String: Any], at path: String) -> [String] {
        let format = schema["format"] as? String
        if let text = value as? String {
            var problems: [String] = []
            if let limit = schema["maxLength"] as? Int, text.unicodeScalars.count > limit {
                problems.append("\(path): length \(text.unicodeScalars.count) exceeds maxLength \(limit)")
            }
            if format == "date-time", !isDateTime(text) {
                problems.append("\(path): \(render(text)) is not an RFC 3339 date-time")
            }
            return problems
        }
        if kind == .integer, let number = value as? NSNumber, let format, !fits(number, format) {
            return ["\(path): \(number) does not fit in \(format)"]
        }
        return []
    }

    private func checkObject(
        _ object: [String: Any], _ schema: [String: Any], at path: String, inherited: Set<String>, strict: Bool
    ) -> [String] {
        var problems: [String] = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let describesObject = schema["type"] as? String == "object" || schema["properties"] != nil
        let checksExtras = strict && (describesObject || schema["allOf"] != nil)
        let declared = checksExtras ? inherited.union(declaredNames(schema, alternatives: true)) : []
        let policy = extrasPolicy(schema)
        for (name, member) in object.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                problems += check(member, property, at: "\(path).\(name)", inherited: [], strict: true)
            } else if checksExtras, !declared.contains(name) {
                switch policy {
                case .forbidden: problems.append("\(path): unexpected property '\(name)'")
                case .allowed: break
                case .schema(let extra):
                    problems += check(member, extra, at: "\(path).\(name)", inherited: [], strict: true)
                }
            }
        }
        for name in schema["required"] as? [String] ?? [] where object[name] == nil {
            problems.append("\(path): missing required property '\(name)'")
        }
        return problems
    }

    /// allOf: every part must pass. oneOf/anyOf: at least one must (Zoom's oneOf alternatives overlap).
    private func checkComposition(
        _ value: Any, _ schema: [String: Any], at path: String, inherited: Set<String>, strict: Bool
    ) -> [String] {
        var problems: [String] = []
        let everything = inherited.union(declaredNames(schema, alternatives: true))
        for part in schema["allOf"] as? [Any] ?? [] {
            problems += check(value, part, at: path, inherited: everything, strict: false)
        }
        let own = inherited.union(declaredNames(schema, alternatives: false))
        for keyword in ["oneOf", "anyOf"] {
            guard let options = schema[keyword] as? [Any], !options.isEmpty else { continue }
            let results = options.map { check(value, $0, at: path, inherited: own, strict: strict) }
            if results.contains(where: \.isEmpty) { continue }
            let closest = results.min { $0.count < $1.count } ?? []
            problems.append(
                "\(path): matches none of the \(options.count) \(keyword) alternatives; closest: "
                    + closest.joined(separator: "; ")
            )
        }
        return problems
    }

    /// Property names a schema declares, through its allOf parts (and oneOf/anyOf when `alternatives`).
    private func declaredNames(_ raw: Any, alternatives: Bool, depth: Int = 0) -> Set<String> {
        guard depth < 32, case .success(let schema) = dereference(raw) else { return [] }
        var names = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        let keywords = alternatives ? ["allOf", "oneOf", "anyOf"] : ["allOf"]
        for keyword in keywords {
            for part in schema[keyword] as? [Any] ?? [] {
                names.formUnion(declaredNames(part, alternatives: true, depth: depth + 1))
            }
        }
        return names
    }

    private enum Extras {
        case forbidden, allowed
        case schema(Any)
    }

    /// Strict by default: undeclared properties are allowed only via `additionalProperties`.
    private func extrasPolicy(_ schema: [String: Any]) -> Extras {
        if let flag = schema["additionalProperties"] as? Bool { return flag ? .allowed : .forbidden }
        if let extra = schema["additionalProperties"] as? [String: Any] {
            return extra.isEmpty ? .allowed : .schema(extra)
        }
        for part in schema["allOf"] as? [Any] ?? [] {
            if case .success(let resolved) = dereference(part), case .allowed = extrasPolicy(resolved) {
                return .allowed
            }
        }
        return .forbidden
    }

    /// Follows `$ref` chains (bounded, in case of a cycle) to a schema object.
    private func dereference(_ node: Any) -> Result<[String: Any], OpenAPIError> {
        var current = node
        for _ in 0..<32 {
            guard let object = current as? [String: Any] else { return .failure(OpenAPIError("non-object schema")) }
            guard let ref = object["$ref"] as? String else { return .success(object) }
            guard let target = lookup(ref) else { return .failure(OpenAPIError("unresolvable $ref '\(ref)'")) }
            current = target
        }
        return .failure(OpenAPIError("$ref chain too long (cycle?)"))
    }

    /// Resolves a local JSON-pointer ref such as `#/components/schemas/Meeting`.
    private func lookup(_ ref: String) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for token in ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let decoded = String(token).removingPercentEncoding ?? String(token)
            let key = decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = node as? [String: Any], let next = object[key] {
                node = next
            } else if let array = node as? [Any], let index = Int(key), array.indices.contains(index) {
                node = array[index]
            } else {
                return nil
            }
        }
        return node
    }
}

/// The JSON type of a value from `JSONSerialization` or a Swift literal. Booleans need care: both
/// arrive as `NSNumber`, and `NSNumber(1) is Bool` is true, so compare the dynamic type instead.
private enum JSONKind: String {
    case null, boolean, integer, number, string, array, object
    case unsupported = "unsupported value"

    init(_ value: Any) {
        let dynamicType = type(of: value)
        switch value {
        case is NSNull: self = .null
        case is String: self = .string
        case _ where dynamicType == Bool.self || dynamicType == type(of: NSNumber(value: true)): self = .boolean
        case let number as NSNumber: self = isWhole(number) ? .integer : .number
        case is [String: Any]: self = .object
        case is [Any]: self = .array
        default: self = .unsupported
        }
    }

    func matches(_ type: String) -> Bool {
        type == rawValue || (type == "number" && self == .integer)
    }
}

/// Whether a non-boolean number has no fractional part (`2.0` counts as whole; `2.5` does not).
private func isWhole(_ number: NSNumber) -> Bool {
    let code = String(cString: number.objCType)
    guard code == "d" || code == "f" else { return true }
    let value = number.doubleValue
    return value.isFinite && value.rounded(.towardZero) == value
}

/// Range check for integer formats; unknown formats pass.
private func fits(_ number: NSNumber, _ format: String) -> Bool {
    let isUnsigned64 = String(cString: number.objCType) == "Q"
    switch format {
    case "int64":
        if isUnsigned64 { return number.uint64Value <= UInt64(Int64.max) }
        let value = number.doubleValue
        return value >= -9_223_372_036_854_775_808.0 && value < 9_223_372_036_854_775_808.0
    default:
        return true
    }
}

/// RFC 3339 `date-time`, e.g. `2026-11-25T10:00:00Z` or `2026-11-25T10:00:00.5+01:00`.
private func isDateTime(_ text: String) -> Bool {
    let pattern = /(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))/.asciiOnlyDigits()
    guard let match = text.wholeMatch(of: pattern) else { return false }
    let output = match.output
    let fields = [output.2, output.3, output.4, output.5, output.6].compactMap { Int($0) }
    guard fields.count == 5 else { return false }
    let offsetOK = (output.9.flatMap { Int($0) } ?? 0) <= 23 && (output.10.flatMap { Int($0) } ?? 0) <= 59
    return (1...12).contains(fields[0]) && (1...31).contains(fields[1]) && fields[2] <= 23 && fields[3] <= 59
        && fields[4] <= 60 && offsetOK
}

private func jsonEqual(_ lhs: Any, _ rhs: Any) -> Bool {
    switch (JSONKind(lhs), JSONKind(rhs)) {
    case (.null, .null): return true
    case (.string, .string): return lhs as? String == rhs as? String
    case (.boolean, .boolean): return lhs as? Bool == rhs as? Bool
    case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
        guard let left = lhs as? NSNumber, let right = rhs as? NSNumber else { return false }
        return left.compare(right) == .orderedSame
    default: return false
    }
}

/// A short rendering of a value for messages.
private func render(_ value: Any) -> String {
    switch JSONKind(value) {
    case .string: return "\"\(value)\""
    case .boolean: return value as? Bool == true ? "true" : "false"
    case .integer, .number: return "\(value)"
    case .null, .array, .object, .unsupported: return JSONKind(value).rawValue
    }
}
