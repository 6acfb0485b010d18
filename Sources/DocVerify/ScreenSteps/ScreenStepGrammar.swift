/// The sentences verify can perform in the product's screens, each a pattern over the claim's
/// words (case-insensitive, trailing punctuation ignored):
///
/// | sentence | steps |
/// |---|---|
/// | Log in to your … account | sign in with the configured user |
/// | From your Y, click … | check the page is Y, then the click |
/// | click the X icon / button / link | click the control named X |
/// | click X | click the control named X |
/// | Scroll to X and click it | X is below the first screenful; scroll to it, click it |
/// | Locate X and click Y | X is on the page; click Y |
/// | Go to A → B → C | open A from the header, then click B, then C |
/// | Find the X | the text X is on the page |
/// | Click the X icon next to the Y | click the control X inside the region named Y |
/// | You will be redirected to Z to authorize access | the browser is on Z's pages (Zoom's URL) |
/// | Once authorized, you will be returned to … with Z connected | allow on Z's consent page; back in the product, Z shows as connected |
public enum ScreenStepGrammar {
    /// The steps of `sentence`, or `nil` when the grammar does not know it.
    public static func steps(of sentence: String) -> [ScreenStep]? {
        var text = sentence.trimmingCharacters(in: .whitespaces)
        while let last = text.last, ".!;:".contains(last) { text.removeLast() }
        if let match = text.wholeMatch(of: /(?i)log in to your .+ account/) {
            _ = match
            return [.logIn]
        }
        if let match = text.wholeMatch(of: /(?i)you will be redirected to (.+?) to authorize access/) {
            return [.redirectedTo(String(match.1))]
        }
        if let match = text.wholeMatch(of: /(?i)once authorized, you will be returned to .+? with (.+?) connected/) {
            return [.authorize, .returnedConnected(String(match.1))]
        }
        if let match = text.wholeMatch(of: /(?i)from your (.+?), (click .+)/),
            let rest = steps(of: String(match.2))
        {
            return [.expectPage(String(match.1))] + rest
        }
        if let match = text.wholeMatch(of: /(?i)scroll to (.+?) and click it/) {
            return [.scrollTo(String(match.1)), .click(name: String(match.1), kind: .any, within: nil)]
        }
        if let match = text.wholeMatch(of: /(?i)locate (.+?) and click (.+)/) {
            return [.find(String(match.1)), click(String(match.2), within: String(match.1))]
        }
        if let match = text.wholeMatch(of: /(?i)go to (.+)/) {
            let places = match.1.split(separator: "→").map { $0.trimmingCharacters(in: .whitespaces) }
            guard places.count > 1, places.allSatisfy({ !$0.isEmpty }) else { return nil }
            return [.open(places[0])] + places.dropFirst().map { .click(name: $0, kind: .any, within: nil) }
        }
        if let match = text.wholeMatch(of: /(?i)find the (.+)/) {
            return [.find(String(match.1))]
        }
        if let match = text.wholeMatch(of: /(?i)click the (.+?) (icon|button|link) next to the (.+)/) {
            return [
                .click(
                    name: String(match.1), kind: ScreenStep.ControlKind(rawValue: match.2.lowercased()) ?? .any,
                    within: String(match.3))
            ]
        }
        if let match = text.wholeMatch(of: /(?i)click (.+)/) {
            return [click(String(match.1), within: nil)]
        }
        return nil
    }

    /// "the X icon" → a control of that kind named X; "X" → any control named X.
    private static func click(_ words: String, within: String?) -> ScreenStep {
        if let match = words.wholeMatch(of: /(?i)the (.+?) (icon|button|link)/) {
            return .click(
                name: String(match.1), kind: ScreenStep.ControlKind(rawValue: match.2.lowercased()) ?? .any,
                within: within)
        }
        return .click(name: words, kind: .any, within: within)
    }
}
