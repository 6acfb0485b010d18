import DocVerify
import Testing

/// The step grammar over the seed article's own sentences, and sentences it must not guess at.
@Suite("Screen step grammar")
struct ScreenStepGrammarTests {
    @Test(
        "each step sentence of the seed article reads as the steps a person takes",
        arguments: [
            ("Log in to your valhallgames.net account", [ScreenStep.logIn]),
            (
                "From your Workspace, click the Business Tools icon",
                [.expectPage("Workspace"), .click(name: "Business Tools", kind: .icon, within: nil)]
            ),
            (
                "Scroll to Integrations and click it",
                [.scrollTo("Integrations"), .click(name: "Integrations", kind: .any, within: nil)]
            ),
            ("Locate Zoom and click Set Up", [.find("Zoom"), .click(name: "Set Up", kind: .any, within: "Zoom")]),
            (
                "Go to Workspace → Business Tools → Integrations",
                [
                    .open("Workspace"), .click(name: "Business Tools", kind: .any, within: nil),
                    .click(name: "Integrations", kind: .any, within: nil),
                ]
            ),
            ("Find the connected Zoom account", [.find("connected Zoom account")]),
            (
                "Click the Delete icon next to the Zoom integration.",
                [.click(name: "Delete", kind: .icon, within: "Zoom integration")]
            ),
            ("You will be redirected to Zoom to authorize access", [.redirectedTo("Zoom")]),
            (
                "Once authorized, you will be returned to valhallgames.net with Zoom connected",
                [.authorize, .returnedConnected("Zoom")]
            ),
        ])
    func seedSentence(_ sentence: String, _ expected: [ScreenStep]) {
        #expect(ScreenStepGrammar.steps(of: sentence) == expected)
    }

    @Test("sentences outside the grammar are not guessed at")
    func unknownSentences() {
        for sentence in [
            "You will be redirected to Zoom", "Go to Integrations", "Zoom is connected", "Find", "Go to Workspace → ",
            "Once connected, valhallgames.net creates a Zoom meeting automatically when a booking is confirmed.",
        ] {
            #expect(ScreenStepGrammar.steps(of: sentence) == nil, "\(sentence)")
        }
    }
}
