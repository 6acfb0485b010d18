// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "HelpCenter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpcenter", targets: ["helpcenter"]),
        .executable(name: "verify", targets: ["verify"]),
        .library(name: "HelpCenterKit", targets: ["HelpCenterKit"]),
        .library(name: "CurlHTTP", targets: ["CurlHTTP"]),
        .library(name: "ZoomAPI", targets: ["ZoomAPI"]),
        .library(name: "MockZoom", targets: ["MockZoom"]),
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
                "CFileSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "CFileSystem"),
        .target(
            name: "LoopbackHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),
        .target(name: "WebDriver", dependencies: ["CurlHTTP"]),
        .target(name: "CommandLineSupport"),
        .target(
            name: "ZoomAPI",
            dependencies: [
                "CurlHTTP", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MockZoom",
            dependencies: [
                "LoopbackHTTP",
                "CurlHTTP",
                "ZoomAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ZoomIntegration",
            dependencies: [
                "LoopbackHTTP",
                "ZoomAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DocVerify",
            dependencies: [
                "HelpCenterKit", "ZoomIntegration", "ZoomAPI", "MockZoom", "CurlHTTP", "WebDriver",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "verify",
            dependencies: [
                "CommandLineSupport",
                "MockZoom",
                "DocVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HelpCenterServe",
            dependencies: [
                "CFileSystem",
                "LoopbackHTTP",
                "HelpCenterKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "CommandLineSupport",
                "HelpCenterKit",
                "HelpCenterServe",
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
        .testTarget(name: "HelpCenterServeTests", dependencies: ["HelpCenterServe", "CurlHTTP", "TestSupport"]),
        .testTarget(name: "OpenAPIValidatorTests", dependencies: ["TestSupport"]),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "MockZoom"]),
        .testTarget(
            name: "ZoomIntegrationTests",
            dependencies: ["ZoomIntegration", "ZoomAPI", "MockZoom", "CurlHTTP", "TestSupport"]
        ),
        .testTarget(name: "DocVerifyTests", dependencies: ["DocVerify", "MockZoom", "ZoomIntegration", "TestSupport"]),
        .testTarget(name: "ZoomAPITests", dependencies: ["ZoomAPI", "MockZoom", "CurlHTTP"]),
        .testTarget(
            name: "MockZoomTests",
            dependencies: [
                "MockZoom", "ZoomAPI", "CurlHTTP", "TestSupport", "LoopbackHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["helpcenter", "verify", "TestSupport", "CurlHTTP", "ZoomAPI", "MockZoom"]
        ),
        .target(
            name: "FuzzTargets",
            dependencies: ["HelpCenterKit", "MockZoom", "ZoomIntegration", "ZoomAPI", "CurlHTTP"]
        ),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "BrowserTests",
            dependencies: [
                "WebDriver", "HelpCenterKit", "HelpCenterServe", "TestSupport", "DocVerify", "ZoomIntegration",
                "ZoomAPI", "MockZoom",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
