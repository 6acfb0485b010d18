import Foundation

/// libFuzzer entry points: one function per fuzz target, each taking the fuzzer's bytes.
///
/// Every function must return normally for every input. A thrown error is a correct answer to
/// bad input; a trap, a crash, a hang or a broken invariant (reported with `fatalError`, so the
/// fuzzer saves the input) is a bug. The `Fuzz/` package links these into libFuzzer
/// executables; `FuzzRegressionTests` replays the committed corpus and regressions through them.
public enum FuzzEntry {
    /// Stops the process with a message naming the broken invariant; the fuzzer keeps the input.
    static func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(message())") }
    }
}
