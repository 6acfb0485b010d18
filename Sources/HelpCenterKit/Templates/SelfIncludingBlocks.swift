/// Finds a `{{$name}}` inside an override of the same block (`{{<parent}}{{$name}}...{{/name}}`).
/// While that override is in force, the inner block is the override again, so rendering never
/// ends: swift-mustache recursed until the build crashed. Either that, or an outer override
/// wins and this one is never used; both are mistakes, so the template is refused with the
/// inner tag's location. (Through a partial the loop is not visible here; `CompiledRenderer`
/// stops it when rendering.)
enum SelfIncludingBlocks {
    static func problems(in text: String, path: String, from name: String) -> [Diagnostic] {
        var open: [(sigil: String, name: String, isOverride: Bool)] = []
        var diagnostics: [Diagnostic] = []
        for tag in MustacheTag.scan(text) {
            switch tag.sigil {
            case "/":
                _ = open.popLast()
            case "#", "^", "<":
                open.append((tag.sigil, tag.name, false))
            case "$":
                if open.contains(where: { $0.isOverride && $0.name == tag.name }) {
                    diagnostics.append(
                        .error(
                            "{{$\(tag.name)}} inside the override of {{$\(tag.name)}} in \(name) would render itself "
                                + "forever: rename the inner block or move it out",
                            at: SourceLocation(path: path, line: tag.line, column: tag.column)))
                }
                // An override is a block written directly inside `{{<parent}}`.
                open.append(("$", tag.name, open.last?.sigil == "<"))
            default:
                break
            }
        }
        return diagnostics
    }
}
