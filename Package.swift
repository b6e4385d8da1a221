// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tidings",
    products: [
        .executable(name: "tidings", targets: ["tidings"]),
        // Libraries so the fuzz package in fuzz/ can link the parsers.
        .library(name: "TidingsModel", targets: ["TidingsModel"]),
        .library(name: "TidingsUI", targets: ["TidingsUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The config file's TOML; only the executable reads it, the reader takes plain values.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TidingsModel"),
        .target(name: "TidingsUI", dependencies: ["TidingsModel"]),
        .executableTarget(
            name: "tidings",
            dependencies: [
                "TidingsModel",
                "TidingsUI",
                "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            resources: [.copy("../../Resources/Samples")]
        ),
        .executableTarget(name: "TidingsBench", dependencies: ["TidingsModel", "TidingsUI"]),
        // Helpers every test target shares: snapshots with styles, a story builder, importer conformance,
        // the tmux session and child processes for end-to-end tests.
        .target(name: "TidingsTestSupport", dependencies: ["TidingsUI", "TidingsModel"], path: "Tests/TidingsTestSupport"),
        .testTarget(name: "TidingsModelTests", dependencies: ["TidingsModel"], exclude: ["Fixtures"]),
        .testTarget(name: "TidingsUITests", dependencies: ["TidingsUI", "TidingsModel", "TidingsTestSupport"],
                    exclude: ["Snapshots"]),
        // Every importer of saved discussions against fixtures of each shape (and the real corpus when present).
        .testTarget(name: "TidingsImportTests", dependencies: ["TidingsModel", "TidingsUI", "TidingsTestSupport"],
                    exclude: ["Fixtures"]),
        // The config file's reader, which lives in the executable (only it reads TOML).
        .testTarget(name: "TidingsConfigTests", dependencies: ["tidings", "TidingsModel", "TidingsUI", "TidingsTestSupport"]),
        .testTarget(name: "TidingsEndToEndTests", dependencies: ["tidings", "TidingsModel", "TidingsTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
