/// Swift's debug descriptions where a person should read words: `Optional("code")`, a struct
/// dump like `ZoomMeetingLink(meetingID: 1, …)`, an array literal `["a", "b"]`, a qualified
/// type name. Evidence, reports and logs must contain none of them.
public enum DebugDescriptions {
    /// Every debug-description-shaped fragment of `text`.
    /// - Parameter literals: also flag array and dictionary literals; off for logs whose
    ///   redacted JSON bodies hold real arrays.
    public static func find(in text: String, literals: Bool = true) -> [String] {
        var found = text.matches(of: #/Optional\(|Swift\.[A-Z]\w*|Foundation\.[A-Z]\w*|\b[A-Z]\w+\(\w+: /#)
            .map { String($0.output) }
        if literals { found += text.matches(of: #/\["[^\]\n]*"\]|\[:\]/#).map { String($0.output) } }
        return found
    }
}
