import Foundation
import TestSupport
import Testing

@testable import helpcenter

@Suite("Elapsed time")
struct ElapsedTimeTests {
    @Test("a build's time reads as Foundation's narrow seconds-and-milliseconds units did, rounding included")
    func text() {
        #expect(ElapsedTime.text(.milliseconds(0)) == "0ms")
        #expect(ElapsedTime.text(.milliseconds(62)) == "62ms")
        #expect(ElapsedTime.text(.microseconds(62_700)) == "63ms")
        #expect(ElapsedTime.text(.milliseconds(1_000)) == "1s")
        #expect(ElapsedTime.text(.microseconds(999_800)) == "1s")
        #expect(ElapsedTime.text(.milliseconds(1_543)) == "1s 543ms")
        var random = SeededGenerator(seed: 41)
        let fixed: [Int64] = [
            0, 499, 500, 501, 1_500, 2_500, 62_499, 62_500, 62_501, 999_499, 999_500, 1_000_000, 1_543_000,
        ]
        let drawn = (0..<300).map { _ in Int64(random.next() % 90_000_000) }
        for microseconds in fixed + drawn {
            let duration = Duration.microseconds(microseconds)
            #expect(
                ElapsedTime.text(duration)
                    == duration.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)),
                "\(microseconds) µs")
        }
    }
}
