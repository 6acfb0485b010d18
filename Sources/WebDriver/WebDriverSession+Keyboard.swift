/// Keys as a person presses them, through W3C actions (so focus moves as it would for them),
/// and the element that holds focus afterwards.
extension WebDriverSession {
    /// Keys by their W3C code points.
    public enum Key: String, Sendable {
        case tab = "\u{E004}"
        case enter = "\u{E007}"
    }

    /// Presses and releases each key in turn.
    public func press(_ keys: [Key]) throws(WebDriverError) {
        var steps: [JSONValue] = []
        for key in keys {
            steps.append(["type": "keyDown", "value": .string(key.rawValue)])
            steps.append(["type": "keyUp", "value": .string(key.rawValue)])
        }
        let actions: JSONValue = ["actions": [["type": "key", "id": "keyboard", "actions": .array(steps)]]]
        _ = try Self.command(.post, sessionURL + "/actions", actions)
    }

    /// A description of the focused element: its tag, id, accessible-name sources and whether it
    /// shows on screen with a focus outline, as a script reads them.
    public func focusedElement() throws(WebDriverError) -> JSONValue {
        try execute(
            """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const box = e.getBoundingClientRect();
            return {tag: e.tagName.toLowerCase(), id: e.id, text: e.textContent.trim(),
                    label: e.labels && e.labels.length ? e.labels[0].textContent.trim() : (e.getAttribute('aria-label') || ''),
                    href: e.getAttribute('href') || '', outline: getComputedStyle(e).outlineStyle,
                    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
                             && box.right > 0 && box.left < innerWidth};
            """)
    }
}
