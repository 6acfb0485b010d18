import Testing

@testable import helpcenter

@Suite("Elapsed time")
struct ElapsedTimeTests {
    @Test("a build's time reads as Foundation's narrow seconds-and-milliseconds units did")
    func text() {
        #expect(ElapsedTime.text(.milliseconds(0)) == "0ms")
        #expect(ElapsedTime.text(.milliseconds(62)) == "62ms")
        #expect(ElapsedTime.text(.microseconds(62_999)) == "62ms")
        #expect(ElapsedTime.text(.milliseconds(999)) == "999ms")
        #expect(ElapsedTime.text(.milliseconds(1_000)) == "1s")
        #expect(ElapsedTime.text(.milliseconds(1_543)) == "1s 543ms")
        #expect(ElapsedTime.text(.seconds(75)) == "75s")
        for milliseconds in [0, 5, 62, 999, 1_000, 1_001, 1_543, 12_000, 61_010] {
            let duration = Duration.milliseconds(milliseconds)
            #expect(
                ElapsedTime.text(duration)
                    == duration.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)),
                "\(milliseconds) ms")
        }
    }
}
