// swift-tools-version:6.0
// libFuzzer targets for every parser. Built only by fuzz/run, with --sanitize=fuzzer --sanitize=address;
// `-parse-as-library` keeps Swift from emitting a main that would hide libFuzzer's.
import PackageDescription

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "TidingsFuzz",
    dependencies: [.package(name: "Tidings", path: "..")],
    targets: [
        .executableTarget(name: "FuzzImporters",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzJSON",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzStateFile",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzMarkdown",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzScreenText",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings"),
                                         .product(name: "TidingsUI", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzHTML",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzThreader",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzMessage",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzMIME",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzFeeds",
                          dependencies: [.product(name: "TidingsModel", package: "Tidings")], swiftSettings: fuzzFlags),
    ],
    swiftLanguageModes: [.v6]
)
