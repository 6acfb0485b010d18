/// Scripts run in the page to find what a person would: controls by accessible name (from
/// `aria-labelledby`, `aria-label`, a `<label>`, the visible text or `title`, as the
/// accessible-name computation orders them), regions by their names, text by its words.
enum ScreenQueries {
    /// Shared helpers, prefixed to each query.
    static let helpers = """
        const squash = (t) => (t || "").replace(/\\s+/g, " ").trim();
        const nameOf = (e) => {
          const by = e.getAttribute("aria-labelledby");
          if (by) return squash(by.split(" ").map((id) => document.getElementById(id)?.textContent).join(" "));
          if (e.getAttribute("aria-label")) return squash(e.getAttribute("aria-label"));
          if (e.labels && e.labels.length) return squash(e.labels[0].textContent);
          return squash(e.textContent) || squash(e.getAttribute("title")) || squash(e.getAttribute("value"));
        };
        const shown = (e) => { const b = e.getBoundingClientRect(); const s = getComputedStyle(e);
          return b.width > 0 && b.height > 0 && s.visibility !== "hidden"; };
        const controls = (root) => [...root.querySelectorAll(
          "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]")].filter(shown);
        const kindOf = (e) => {
          if (!squash(e.textContent) && e.querySelector("svg, img")) return "icon";
          return e.tagName === "A" || e.getAttribute("role") === "link" ? "link" : "button";
        };
        const words = (t) => squash(t).toLowerCase();
        const overlaps = (a, b) => { const x = ` ${words(a)} `, y = ` ${words(b)} `; return x.includes(y) || y.includes(x); };
        """

    /// Arguments: name, kind (`icon`, `button`, `link`, `any`), region name or null.
    /// Answers `{element, inView, available, regionFound}`.
    static let findControl =
        helpers + """
            const [name, kind, within] = arguments;
            let root = document;
            if (within) {
              root = [...document.querySelectorAll("[aria-label], [aria-labelledby]")]
                .filter((e) => !controls(document).includes(e)).find((e) => overlaps(nameOf(e), within));
              if (!root) return {element: null, regionFound: false, available: [],
                regions: [...document.querySelectorAll("[aria-label], [aria-labelledby]")].map(nameOf)};
            }
            const candidates = controls(root);
            const element = candidates.find((e) => words(nameOf(e)) === words(name) && (kind === "any" || kindOf(e) === kind));
            let inView = false;
            if (element) { const b = element.getBoundingClientRect(); inView = b.top < innerHeight && b.bottom > 0; }
            return {element: element || null, inView, regionFound: true,
                    available: candidates.map((e) => nameOf(e) + (kindOf(e) === "icon" ? " (icon)" : ""))};
            """

    /// Argument: text. Answers whether it is shown on the page, the innermost element showing
    /// it, and the page's headings.
    static let findText =
        helpers + """
            const text = words(arguments[0]);
            const all = [...document.querySelectorAll("body *")].filter((e) => shown(e) && words(e.textContent).includes(text));
            const element = all.find((e) => ![...e.children].some((c) => all.includes(c))) || null;
            return {found: all.length > 0, element,
                    headings: [...document.querySelectorAll("h1, h2")].map((e) => squash(e.textContent))};
            """

    /// Arguments: element, whether to outline it. Brings it to the middle of the screen and
    /// outlines it for a screenshot, or takes the outline away.
    static let outline = """
        const [e, on] = arguments;
        if (on) { document.activeElement?.blur(); e.scrollIntoView({block: "center"}); e.style.outline = "3px solid #d6246e"; e.style.outlineOffset = "3px"; }
        else { e.style.outline = ""; e.style.outlineOffset = ""; }
        """

    /// Argument: a region's name (an integration). Answers the element in that region that says
    /// just "Connected", and the region's words.
    static let connectedStatus =
        helpers + """
            const region = [...document.querySelectorAll("[aria-label], [aria-labelledby]")]
              .filter((e) => !controls(document).includes(e)).find((e) => overlaps(nameOf(e), arguments[0]));
            if (!region) return {regionFound: false, element: null, says: ""};
            const element = [...region.querySelectorAll("*")].find((e) => shown(e) && words(e.textContent) === "connected");
            return {regionFound: true, element: element || null, says: squash(region.textContent)};
            """

    /// Argument: element. Whether clicking it loads another page (a link, a form's submit); if
    /// so, marks the page, so the next one can be told from it.
    static let markIfNavigating = """
        const e = arguments[0];
        const navigates = !!(e.closest("a[href]") || (e.form && e.type === "submit"));
        if (navigates) window.__beforeScreenStep = true;
        return navigates;
        """

    /// "old" while the marked page is still shown, else the new page's `readyState`.
    static let pageAfterStep = "return window.__beforeScreenStep === true ? 'old' : document.readyState;"

    /// The page's main heading as an element, or null.
    static let headingElement = "return document.querySelector('h1');"

    /// What the page's alert says (a refused sign-in), or nothing.
    static let alert =
        "const a = document.querySelector('[role=alert]'); return a ? a.textContent.replace(/\\s+/g, ' ').trim() : '';"

    /// The page's main heading.
    static let heading =
        "const h = document.querySelector('h1'); return h ? h.textContent.replace(/\\s+/g, ' ').trim() : '';"

    /// Argument: label. The input labelled so.
    static let input =
        helpers + """
            return [...document.querySelectorAll("input")].filter(shown).find((e) => words(nameOf(e)) === words(arguments[0])) || null;
            """
}
