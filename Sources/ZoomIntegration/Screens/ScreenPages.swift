import ZoomAPI

/// The product's screens as the help article describes them: plain HTML forms that work
/// without JavaScript, every control with an accessible name, every shown value escaped.
/// They show only what the article states or a person needs to use them.
enum ScreenPages {
    static let product = "valhallgames.net"

    static func signIn(error: String? = nil) -> String {
        page(
            "Log in",
            """
            <h1>Log in to your \(product) account</h1>
            \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? "")
            <form method="post" action="\(ScreenPaths.signIn)">
            <p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username" required></p>
            <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Log in</button></p>
            </form>
            """)
    }

    static func workspace(_ session: ScreenSessions.Session, defects: ScreenDefects = []) -> String {
        let name = defects.contains(.businessToolsRenamed) ? "Tools" : "Business Tools"
        return page(
            "Workspace",
            """
            <h1>Workspace</h1>
            <nav aria-label="Workspace tools"><a class="icon-button" href="\(ScreenPaths.businessTools)" aria-label="\(name)" title="\(name)">\(Icons.briefcase)</a></nav>
            """, session: session)
    }

    /// Integrations sits below the first screenful, as "Scroll to Integrations" implies.
    static func businessTools(_ session: ScreenSessions.Session) -> String {
        page(
            "Business Tools",
            """
            <h1>Business Tools</h1>
            <div class="below-first-screen" aria-hidden="true"></div>
            <section aria-labelledby="integrations-heading"><h2 id="integrations-heading"><a href="\(ScreenPaths.integrations)">Integrations</a></h2></section>
            """, session: session)
    }

    static func integrations(
        _ session: ScreenSessions.Session, connection: ZoomConnection?, notice: String? = nil,
        defects: ScreenDefects = []
    ) -> String {
        let zoom: String
        if let connection {
            let delete =
                defects.contains(.noDeleteIcon)
                ? ""
                : """
                <form method="post" action="\(ScreenPaths.deleteZoom)">\(csrfField(session))<button class="icon-button danger" type="submit" aria-label="Delete" title="Delete">\(Icons.trash)</button></form>
                """
            zoom = """
                <p class="status">Connected</p>
                <p>Connected Zoom account: <span class="zoom-account">\(HTMLText.escape(connection.zoomUserID))</span></p>
                \(delete)
                """
        } else {
            zoom = """
                <p class="status">Not connected</p>
                <form method="post" action="\(ScreenPaths.setUpZoom)">\(csrfField(session))<button type="submit">Set Up</button></form>
                """
        }
        return page(
            "Integrations",
            """
            <h1>Integrations</h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\(HTMLText.escape($0))</p>" } ?? "")
            <ul class="integrations"><li class="integration" aria-labelledby="zoom-name"><h2 id="zoom-name">Zoom</h2>
            \(zoom)
            </li></ul>
            """, session: session)
    }

    static func problem(_ title: String, _ message: String) -> String {
        page(title, "<h1>\(HTMLText.escape(title))</h1><p>\(HTMLText.escape(message))</p>")
    }

    static func csrfField(_ session: ScreenSessions.Session) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(session.csrfToken))\">"
    }

    static func page(_ title: String, _ main: String, session: ScreenSessions.Session? = nil) -> String {
        let signOut =
            session.map {
                "<form class=\"sign-out\" method=\"post\" action=\"\(ScreenPaths.signOut)\">\(csrfField($0))"
                    + "<button type=\"submit\">Sign out</button></form>"
            } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) · \(product)</title><style>\(style)</style></head>
            <body><header><span class="brand">\(product)</span>\(session == nil ? "" : "<nav aria-label=\"Product\"><a href=\"\(ScreenPaths.workspace)\">Workspace</a></nav>")\(signOut)</header>
            <main>\(main)</main></body></html>
            """
    }

    static let style = """
        :root { color-scheme: light dark; --bg: #fff; --text: #1f2933; --accent: #1d4ed8; --border: #6b7480; }
        @media (prefers-color-scheme: dark) { :root { --bg: #12161c; --text: #e5e9f0; --accent: #93b4ff; --border: #7d8898; } }
        body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; background: var(--bg); color: var(--text); }
        header { display: flex; justify-content: space-between; align-items: center; padding: 0.75rem 1rem; border-bottom: 1px solid var(--border); }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        a { color: var(--accent); } .brand { font-weight: 600; text-decoration: none; }
        input { font: inherit; padding: 0.4rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
        button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--bg); cursor: pointer; }
        .icon-button { display: inline-flex; padding: 0.5rem; border: 1px solid var(--border); border-radius: 8px; background: transparent; color: var(--text); }
        .icon-button svg { width: 1.5rem; height: 1.5rem; }
        :focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
        .below-first-screen { min-height: 110vh; }
        .integration { list-style: none; border: 1px solid var(--border); border-radius: 8px; padding: 0 1rem 1rem; }
        .error { color: #b91c1c; } .sign-out button { background: transparent; color: var(--accent); }
        """
}

/// Where each screen lives.
enum ScreenPaths {
    static let signIn = "/login"
    static let signOut = "/logout"
    static let workspace = "/workspace"
    static let businessTools = "/workspace/business-tools"
    static let integrations = "/workspace/business-tools/integrations"
    static let setUpZoom = "/workspace/business-tools/integrations/zoom/set-up"
    static let deleteZoom = "/workspace/business-tools/integrations/zoom/delete"
}

/// Inline SVG icons, hidden from assistive technology: the button around each is named.
enum Icons {
    static let briefcase = """
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2M3 13h18"/></svg>
        """
    static let trash = """
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/></svg>
        """
}
