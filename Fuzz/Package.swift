// swift-tools-version:6.2
import Foundation
import PackageDescription

// libFuzzer executables, one per target in the main package's FuzzTargets library. They live
// in their own package so the main package never links libFuzzer. Build with
// scripts/fuzz.sh (or `make fuzz`), which passes -sanitize=fuzzer,address.

/// A path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let fuzzers = ["FuzzFrontMatter", "FuzzMarkdown", "FuzzTemplates", "FuzzMockZoomRequest", "FuzzWebhook"]

let package = Package(
    name: "HelpCenterFuzz",
    platforms: [.macOS(.v14)],
    products: fuzzers.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzerDriver")]
        + fuzzers.map {
            .executableTarget(
                name: $0, dependencies: ["FuzzerDriver", .product(name: "FuzzTargets", package: root)])
        },
    swiftLanguageModes: [.v6]
)
