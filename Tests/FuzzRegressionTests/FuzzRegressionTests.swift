import Foundation
import FuzzTargets
import Testing

/// Replays the committed seed corpus and every saved fuzzer finding through the fuzz entry
/// points, so an input that once crashed keeps being checked by `swift test`.
@Suite(.serialized) struct FuzzRegressionTests {
    /// The repository root, found from this file (Tests/FuzzRegressionTests/ is two levels down).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Fuzz target folder names and their entry points.
    static let entries: [String: @Sendable ([UInt8]) -> Void] = [
        "front-matter": FuzzEntry.frontMatter,
        "markdown": FuzzEntry.markdown,
        "templates": FuzzEntry.templates,
        "mock-zoom-request": FuzzEntry.mockZoomRequest,
        "webhook": FuzzEntry.webhook,
    ]

    /// Every file under `Fuzz/Corpus/<target>/` and `Fuzz/Regressions/<target>/`, relative to the root.
    static let inputs: [String] = {
        var paths: [String] = []
        for folder in ["Fuzz/Corpus", "Fuzz/Regressions"] {
            for target in entries.keys.sorted() {
                let directory = root.appendingPathComponent("\(folder)/\(target)")
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                paths += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\(target)/\($0)" }
            }
        }
        return paths
    }()

    @Test func everyTargetHasASeedCorpus() {
        for target in Self.entries.keys {
            #expect(Self.inputs.contains { $0.hasPrefix("Fuzz/Corpus/\(target)/") }, "no seed input for \(target)")
        }
    }

    @Test(arguments: inputs)
    func replay(_ relativePath: String) async throws {
        let target = relativePath.split(separator: "/")[2]
        let entry = try #require(Self.entries[String(target)], "no fuzz target named \(target)")
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent(relativePath)))
        await Self.onOwnThread { entry(bytes) }
    }

    /// The entry points block their thread while async work runs (as libFuzzer's thread does);
    /// a cooperative thread must not be the one blocked, so each replay gets a thread of its own.
    static func onOwnThread(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                body()
                continuation.resume()
            }.start()
        }
    }
}
