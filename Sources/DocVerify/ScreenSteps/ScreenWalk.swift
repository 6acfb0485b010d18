import Foundation
import WebDriver

/// One article's steps in the product's screens, taken in one browser session in the order the
/// article gives them: each step starts where the steps before it left the screens, as it does
/// for a reader. A step that does not go as written fails; the steps after it are blocked,
/// since nothing can say whether they hold.
struct ScreenWalk: Sendable {
    struct Step: Sendable {
        var id: String
        var steps: [ScreenStep]
    }

    struct Outcome: Sendable {
        var verdict: ClaimResult.Verdict
        var detail: String?
        var evidence: [Observation]
        var screenshot: Data?
    }

    let claims: [Step]

    /// Takes every step with `runner`; a walk that does not begin by logging in signs in first.
    func perform(with runner: ScreenStepRunner, screenshots: Bool) -> [String: Outcome] {
        var outcomes: [String: Outcome] = [:]
        var stoppedBy: (id: String, blocked: Bool)?
        var before: [Observation] = []
        if claims.first?.steps.first != .logIn {
            do throws(ScreenStepRunner.Failure) {
                before = try runner.perform([.logIn]).map {
                    Observation(expectation: nil, observed: "before the steps: \($0)", held: nil)
                }
            } catch {
                let detail = "could not sign in to the product's screens first: \(error)"
                return Dictionary(uniqueKeysWithValues: claims.map { ($0.id, Outcome(blocked: detail)) })
            }
        }
        for claim in claims {
            if let stoppedBy {
                let why = stoppedBy.blocked ? "could not be taken" : "did not go as written"
                outcomes[claim.id] = Outcome(
                    blocked: "the step before it (\(stoppedBy.id)) \(why), so the screens are not where this one starts"
                )
                continue
            }
            do throws(ScreenStepRunner.Failure) {
                let startsOutside = claim.steps.first?.startsOutsideTheProduct == true
                if !startsOutside, outcomes.count > 0 || !before.isEmpty, let elsewhere = try runner.leftTheProduct() {
                    throw .cannotProceed(
                        "the browser is at \(elsewhere), outside the product's screens, after the step before it: "
                            + "a page there (Zoom's sign-in or consent) needs a person")
                }
                let (observed, picture) = try runner.performCapturing(claim.steps, screenshots: screenshots)
                let evidence = zip(claim.steps, observed).map {
                    Observation(expectation: $0.description, observed: $1, held: true)
                }
                outcomes[claim.id] = Outcome(
                    verdict: .verified, detail: nil, evidence: before + evidence, screenshot: picture)
            } catch {
                switch error {
                case .contradicted(let message):
                    outcomes[claim.id] = Outcome(
                        verdict: .failed, detail: "the screens contradict the step: \(message)",
                        evidence: before + [
                            Observation(
                                expectation: claim.steps.map(\.description).joined(separator: ", then "),
                                observed: message, held: false)
                        ])
                    stoppedBy = (claim.id, false)
                case .browser, .cannotProceed:
                    outcomes[claim.id] = Outcome(blocked: "\(error)")
                    stoppedBy = (claim.id, true)
                }
            }
            before = []
        }
        return outcomes
    }
}

extension ScreenWalk {
    /// Every step blocked for one reason: no browser, no screens, no environment.
    func blocked(_ detail: String) -> [String: Outcome] {
        Dictionary(claims.map { ($0.id, Outcome(blocked: detail)) }, uniquingKeysWith: { first, _ in first })
    }
}

extension ScreenWalk.Outcome {
    init(blocked detail: String) {
        self.init(verdict: .blocked, detail: detail, evidence: [], screenshot: nil)
    }
}
