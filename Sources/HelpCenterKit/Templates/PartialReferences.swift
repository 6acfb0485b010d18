import Foundation

/// Checks the `{{> name}}` and `{{< name}}` tags of a template set.
///
/// Mustache renders a missing partial as nothing; for a help center that means a page
/// without its header, so it is an error here. Templates that include themselves are refused
/// on purpose: page data holds no recursive structure to stop the recursion (the fuzzer found it
/// overflowing the stack). Delimiter changes are refused too, because they would hide tags
/// from these checks.
enum PartialReferences {
    static func problems(in text: String, path: String, known: Set<String>, from name: String) -> [Diagnostic] {
        MustacheTag.scan(text).compactMap { tag in
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            if tag.sigil == "=" {
                return .error(
                    "delimiter changes ({{=...=}}) are not supported in \(name): keep {{ and }}", at: location)
            }
            guard tag.sigil == ">" || tag.sigil == "<" else { return nil }
            if tag.name.hasPrefix("*") {
                return .error(
                    "dynamic partial '\(tag.name)' in \(name) is not supported: name the template", at: location)
            }
            guard !known.contains(tag.name) else { return nil }
            return .error("unknown template '\(tag.name)' in \(name): create it or fix the name", at: location)
        }
    }

    /// Templates that include themselves, directly or through others, each reported at the tag
    /// that closes the cycle.
    static func cycles(in sources: [TemplateSource]) -> [Diagnostic] {
        var edges: [String: [(MustacheTag, TemplateSource)]] = [:]
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
                                "template '\(start)' includes itself (\(chain)): recursive templates are not "
                                    + "supported; remove the cycle",
                                at: SourceLocation(path: source.path, line: reference.line, column: reference.column)))
                    } else if seen.insert(reference.name).inserted {
                        stack.append((reference.name, path + [reference.name]))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Every partial or parent tag in `text`.
    static func references(in text: String) -> [MustacheTag] {
        MustacheTag.scan(text).filter { $0.sigil == ">" || $0.sigil == "<" }
    }
}
