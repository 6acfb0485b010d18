import Foundation

/// Finds `{{> name}}` and `{{< name}}` tags that name no template.
///
/// Mustache renders a missing partial as nothing; for a help center that means a page
/// without its header, so it is an error here.
enum PartialReferences {
    static func unknown(in text: String, path: String, known: Set<String>, from name: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
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
                let reference = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !known.contains(reference) && !reference.hasPrefix("*") {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(
                        .error(
                            "unknown template '\(reference)' in \(name): create it or fix the name",
                            at: SourceLocation(path: path, line: lineIndex + 1, column: column)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return diagnostics
    }
}
