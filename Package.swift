// swift-tools-version:6.0
import PackageDescription

/// Layers, pointing one way: `qbcheck` → `QBCheckCommand` → `QBCheckSync` → `QBCheckPreflight` → `QBCheckRules` → `QBCheckCore`.
/// No third-party packages: Foundation and Swift Testing only.
let package = Package(
    name: "qbcheck",
    products: [
        .executable(name: "qbcheck", targets: ["qbcheck"]),
        .library(name: "QBCheckCore", targets: ["QBCheckCore"]),
        .library(name: "QBCheckRules", targets: ["QBCheckRules"]),
    ],
    targets: [
        .target(name: "CByteSearch"),
        .target(name: "QBCheckCore", dependencies: ["CByteSearch"]),
        .target(name: "QBCheckRules", dependencies: ["QBCheckCore"]),
        .target(name: "QBCheckPreflight", dependencies: ["QBCheckCore", "QBCheckRules"]),
        // The system's SQLite (libsqlite3-dev on Debian), for the sync records.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "QBCheckSync", dependencies: ["QBCheckCore", "QBCheckRules", "QBCheckPreflight", "CSQLite"]),
        .target(name: "QBCheckCommand", dependencies: ["QBCheckCore", "QBCheckRules", "QBCheckPreflight", "QBCheckSync"]),
        // A release build carries the Swift runtime and Foundation inside (Linux): it runs where
        // Swift is not installed (a CI runner's plain image) and starts in half the time, with no
        // shared library's symbols to bind (7 ms against 14 for one small invoice).
        .executableTarget(name: "qbcheck", dependencies: ["QBCheckCommand"],
                          swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "qbcheck-benchmark", dependencies: ["QBCheckCore", "QBCheckRules"]),
        // What several test targets share (a seeded random generator); not part of the product.
        .target(name: "QBCheckTestSupport", path: "Tests/QBCheckTestSupport"),
        .testTarget(name: "QBCheckCoreTests", dependencies: ["QBCheckCore", "QBCheckTestSupport"]),
        .testTarget(name: "QBCheckSyncTests", dependencies: ["QBCheckCore", "QBCheckPreflight", "QBCheckSync", "QBCheckCommand", "QBCheckTestSupport"]),
        .testTarget(name: "QBCheckRulesTests", dependencies: ["QBCheckCore", "QBCheckRules", "QBCheckCommand", "QBCheckTestSupport"]),
        .testTarget(
            name: "QBCheckCommandTests", dependencies: ["QBCheckCore", "QBCheckRules", "QBCheckPreflight", "QBCheckCommand"],
            exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
