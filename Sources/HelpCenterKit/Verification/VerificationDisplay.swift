/// How an article page shows what `verify` found (`site.yml` `verification_display`).
public enum VerificationDisplay: String, Sendable, Hashable, CaseIterable {
    /// Plain words for readers: what was checked, against what and when, with a details
    /// block listing each statement's outcome.
    case readers
    /// The full line QA reads: backend, date, claim counts, manual steps.
    case qa
    /// Nothing: no line, no marks.
    case off
}
