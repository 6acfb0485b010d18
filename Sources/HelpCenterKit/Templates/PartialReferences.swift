import Foundation

/// Finds `{{> name}}` and `{{< name}}` tags that name no template.
///
/// Mustache renders a missing partial as nothing; for a help center that means a page
/// without its header, so it is an error here.
enum PartialReferences {
    /// One `{{> name}}` or `{{< name}}` tag.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    static func unknown(in text: String, path: String, known: Set<String>, from name: String) -> [Diagnostic] {
        references(in: text).compactMap { reference in
            let location = SourceLocation(path: path, line: reference.line, column: reference.column)
            if reference.name.hasPrefix("*") {
                return .error(
                    "dynamic partial '\(reference.name)' in \(name) is not supported: name the template", at: location)
            }
            guard !known.contains(reference.name) else { return nil }
            return .error("unknown template '\(reference.name)' in \(name): create it or fix the name", at: location)
        }
    }

    /// Templates that include themselves, directly or through others: Mustache would recurse
    /// until the stack overflows (found by the fuzzer), so a cycle is an error at its first tag.
    static func cycles(in sources: [TemplateSource]) -> [Diagnostic] {
        var edges: [String: [(Reference, TemplateSource)]] = [:]
        for source in sources {
            edges[source.name] = references(in: source.text).map { ($0, source) }
        }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        for start in sources.map(\.name).sorted() {
            // Depth-first from `start`, looking for a way back to it.
            var stack: [(name: String, path: [String])] = [(start, [start])]
            var seen: Set<String> = []
            while let (name, path) = stack.popLast() {
                for (reference, source) in edges[name] ?? [] {
                    if reference.name == start, !reported.contains(start) {
                        reported.formUnion(path)
                        let chain = (path + [start]).joined(separator: " → ")
                        diagnostics.append(
                            .error(
                                "template '\(start)' includes itself (\(chain)): Mustache would never stop; "
                                    + "remove the cycle",
                                at: SourceLocation(path: source.path, line: reference.line, column: reference.column)))
                    } else if seen.insert(reference.name).inserted {
                        stack.append((reference.name, path + [reference.name]))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Every partial or parent tag in `text`, with its 1-based line and column.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop(while: { $0 == " " })
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                    let close = afterOpen.range(of: "}}")
                else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append(Reference(name: name, line: lineIndex + 1, column: column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }
}
