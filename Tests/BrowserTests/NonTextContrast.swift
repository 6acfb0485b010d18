/// What axe-core does not measure: a control's edge against what surrounds it (WCAG 1.4.11,
/// 3:1), placeholder text against its box (1.4.3, 4.5:1) and a search highlight against the
/// page (1.4.11, 3:1) and its own text (4.5:1). Colours come from the computed styles, so the
/// figures are the ones the reader's colour scheme gives.
enum NonTextContrast {
    /// Answers `[{what, ratio, minimum}]` for every search box and highlight on the page.
    static let script = """
        const rgb = (text) => { const m = text.match(/[\\d.]+/g).map(Number); return m.slice(0, 3); };
        const luminance = ([r, g, b]) => { const c = [r, g, b].map((v) => { v /= 255;
          return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
          return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
        const ratio = (a, b) => { const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
          return Math.round((x + 0.05) / (y + 0.05) * 100) / 100; };
        const backdrop = (element) => { for (let e = element; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor; if (!/rgba\\(.*, 0\\)$/.test(c) && c !== "transparent") return c; }
          return "rgb(255, 255, 255)"; };
        const found = [];
        for (const input of document.querySelectorAll("input[type=search]")) {
          const style = getComputedStyle(input);
          found.push({what: "#" + input.id + " border", ratio: ratio(style.borderTopColor, backdrop(input.parentElement)), minimum: 3});
          const placeholder = getComputedStyle(input, "::placeholder").color;
          if (input.placeholder) found.push({what: "#" + input.id + " placeholder", ratio: ratio(placeholder, backdrop(input)), minimum: 4.5});
        }
        for (const mark of document.querySelectorAll("mark")) {
          const style = getComputedStyle(mark);
          found.push({what: "search highlight against the page", ratio: ratio(style.backgroundColor, backdrop(mark.parentElement)), minimum: 3});
          found.push({what: "search highlight's text", ratio: ratio(style.color, style.backgroundColor), minimum: 4.5});
          break;
        }
        return found;
        """
}
