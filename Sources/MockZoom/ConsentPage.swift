import ZoomAPI

/// The Allow/Decline page shown when the mock is asked for consent instead of auto-approving.
enum ConsentPage {
    static func render(consentID: String, appName: String) -> MockResponse {
        .html(
            200,
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Authorize app · Mock Zoom</title></head>
            <body>
            <h1>\(HTMLText.escape(appName)) would like to access your Zoom account</h1>
            <form method="post" action="/oauth/authorize/consent">
            <input type="hidden" name="consent_id" value="\(HTMLText.escape(consentID))">
            <button type="submit" name="decision" value="allow">Allow</button>
            <button type="submit" name="decision" value="decline">Decline</button>
            </form>
            </body></html>
            """)
    }
}
