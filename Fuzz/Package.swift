// swift-tools-version: 6.0
// libFuzzer targets over the project's code. A package of its own, so that the main package never links a
// fuzzer; `make fuzz` builds it with `-sanitize=fuzzer,address` for every target, dependencies included.
import PackageDescription

let package = Package(
    name: "briefing-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "briefing", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzExtraction", dependencies: ["FuzzSupport", .product(name: "Extraction", package: "briefing")]),
        .executableTarget(
            name: "FuzzContent", dependencies: ["FuzzSupport", .product(name: "BriefingKit", package: "briefing")]),
    ],
    swiftLanguageModes: [.v6]
)
