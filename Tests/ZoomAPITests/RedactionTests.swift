import Testing
import ZoomAPI

@Suite("Redaction")
struct RedactionTests {
    @Test(
        "URLs lose user info, fragments and every query value not known to be harmless",
        arguments: [
            (
                "https://zoom.us/oauth/token?code=abc&grant_type=authorization_code",
                "https://zoom.us/oauth/token?code=‹redacted›&grant_type=authorization_code"
            ),
            ("https://user:pw@zoom.us/x#access_token=t", "https://zoom.us/x"),
            ("/cb?state=s&code=c&error=access_denied", "/cb?state=‹redacted›&code=‹redacted›&error=access_denied"),
            ("https://zoom.us/j/123?pwd=secret", "https://zoom.us/j/123?pwd=‹redacted›"),
            ("https://api.zoom.us/v2/users/me", "https://api.zoom.us/v2/users/me"),
        ])
    func urls(_ url: String, _ expected: String) {
        #expect(Redaction.url(url) == expected)
    }

    @Test("JSON bodies keep their shape; credentials, meeting links and URLs' secrets are hidden")
    func json() {
        let body =
            #"{"access_token":"a","nested":{"refresh_token":"r","id":7},"list":[{"join_url":"https://z/j/1?pwd=p"}],"#
            + #""note":"see https://z/x?code=c","expires_in":3599}"#
        #expect(
            Redaction.body(Array(body.utf8))
                == #"{"access_token":"‹redacted›","expires_in":3599,"list":[{"join_url":"‹redacted›"}],"#
                + #""nested":{"id":7,"refresh_token":"‹redacted›"},"note":"see https://z/x?code=‹redacted›"}"#)
    }

    @Test("form bodies hide values; other bodies show only their size")
    func otherBodies() {
        #expect(
            Redaction.body(Array("grant_type=refresh_token&refresh_token=r".utf8))
                == "grant_type=refresh_token&refresh_token=‹redacted›")
        #expect(Redaction.body(Array("<html>token</html>".utf8)) == "‹18 bytes›")
        #expect(Redaction.body([]) == "(empty)")
    }
}
