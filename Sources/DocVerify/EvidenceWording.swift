import ZoomAPI
import ZoomIntegration

/// The integration's values as evidence reads them.
extension ZoomMeetingLink: EvidenceDescribable {
    public var evidenceText: String {
        let links = [hostLink.isEmpty ? nil : "a host link", participantLink.isEmpty ? nil : "a join link"]
            .compactMap { $0 }
        return "meeting \(meetingID)" + (links.isEmpty ? " without links" : " with " + links.joined(separator: " and "))
    }
}

extension TroubleshootingCondition: EvidenceDescribable {
    /// The article's Troubleshooting list, as the condition that failed.
    public var evidenceText: String {
        switch self {
        case .zoomNotConnected: "Zoom is not connected"
        case .bookingNotConfirmed: "the booking is not confirmed"
        case .scheduledTimePassed: "the scheduled time has passed"
        case .zoomDailyLimitReached: "Zoom's daily meeting limit is reached"
        }
    }

    /// The Troubleshooting claim that documents this cause; a cause without one is reported.
    var documentingClaim: String {
        switch self {
        case .zoomNotConnected: "troubleshoot.zoom-not-connected"
        case .bookingNotConfirmed: "troubleshoot.booking-not-confirmed"
        case .scheduledTimePassed: "troubleshoot.scheduled-time-passed"
        case .zoomDailyLimitReached: "troubleshoot.zoom-daily-limit"
        }
    }

    /// The cause's name in a warning: `Zoom's daily meeting limit`.
    var causeName: String {
        switch self {
        case .zoomNotConnected: "Zoom not connected"
        case .bookingNotConfirmed: "booking not confirmed"
        case .scheduledTimePassed: "scheduled time passed"
        case .zoomDailyLimitReached: "Zoom's daily meeting limit"
        }
    }
}

extension IntegrationError: EvidenceDescribable {
    public var evidenceText: String { description }
}

/// What a booking's meeting looks like in evidence.
func meetingWords(_ link: ZoomMeetingLink?) -> String {
    link.map { "the booking has \($0.evidenceText)" } ?? "the booking has no meeting"
}
