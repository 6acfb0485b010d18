// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "HelpCenter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpcenter", targets: ["helpcenter"]),
        .library(name: "HelpCenterKit", targets: ["HelpCenterKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "HelpCenterKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "HelpCenterKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "HelpCenterKitTests",
            dependencies: ["HelpCenterKit", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CCurlTests", dependencies: ["CCurl"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["helpcenter", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
