// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Whether the command links jemalloc: when its static archive is installed (Debian's `libjemalloc-dev`, which
/// `make deps` installs), unless `BRIEFING_ALLOCATOR=system` asks for the C library's allocator;
/// `BRIEFING_ALLOCATOR=jemalloc` insists on it. Some distributions ship jemalloc without the archive; the
/// command then builds with the system allocator and is a few per cent slower.
let linksJemalloc: Bool = {
    switch ProcessInfo.processInfo.environment["BRIEFING_ALLOCATOR"] {
    case "system": return false
    case "jemalloc": return true
    default: break
    }
    #if os(Linux)
    // Only folders the linker searches by itself: the host's multiarch folder, /usr/lib64 and /usr/lib. (A copy
    // in /usr/local/lib, or another architecture's, would be found here and then not linked.)
    #if arch(x86_64)
    let multiarch = ["/usr/lib/x86_64-linux-gnu"]
    #elseif arch(arm64)
    let multiarch = ["/usr/lib/aarch64-linux-gnu"]
    #else
    let multiarch: [String] = []
    #endif
    return (multiarch + ["/usr/lib64", "/usr/lib"])
        .contains { FileManager.default.fileExists(atPath: "\($0)/libjemalloc_pic.a") }
    #else
    return false
    #endif
}()

let package = Package(
    name: "briefing",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
        .library(name: "Extraction", targets: ["Extraction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Extraction", resources: [.copy("Gazetteers")]),
        // System calls Swift cannot make directly: renameat2, for swapping the output folder in one step;
        // mallopt, for the heap of a one-shot build in a process that allocates through glibc (the command
        // links jemalloc where it is installed); prctl, for huge pages; and jemalloc's options.
        .target(name: "CBriefingSystem"),
        // The default theme. Its files live here so the tool can bundle them for `briefing init`; the top-level
        // Templates/ is a link to them.
        .target(name: "DefaultTheme", resources: [.copy("Templates")]),
        .target(
            name: "BriefingKit",
            dependencies: [
                "CCmark",
                "CBriefingSystem",
                "DefaultTheme",
                "Extraction",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PreviewServer",
            dependencies: ["BriefingKit", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // The command allocates through jemalloc when it is installed (see `linksJemalloc`), linked in statically:
        // a build makes and frees millions of small objects on both cores, and with glibc's allocator a cold build
        // takes 5 to 8% longer. Nothing is needed at run time.
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                "Extraction",
                "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: linksJemalloc ? [.linkedLibrary("jemalloc_pic", .when(platforms: [.linux]))] : []
        ),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "BriefingKit"]),
        .testTarget(
            name: "BriefingKitTests",
            dependencies: ["BriefingKit", "Extraction"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
