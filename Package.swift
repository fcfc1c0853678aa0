// swift-tools-version: 6.0
import PackageDescription

/// Settings shared by every target: Swift 6 language mode (strict concurrency) plus
/// `ExistentialAny`, so every existential is spelled `any P` on purpose.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "akslint",
    products: [
        .executable(name: "akslint", targets: ["akslint"]),
        .library(name: "AKSLintCore", targets: ["AKSLintCore"]),
        .library(name: "AKSLintRules", targets: ["AKSLintRules"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "AKSLintCore", swiftSettings: sharedSettings),
        .target(name: "AKSLintRules", dependencies: ["AKSLintCore"], path: "Rules", exclude: ["README.md"], swiftSettings: sharedSettings),
        .target(name: "AKSLintCLI", dependencies: ["AKSLintCore", "AKSLintRules"], swiftSettings: sharedSettings),
        .executableTarget(name: "akslint", dependencies: ["AKSLintCLI"], swiftSettings: sharedSettings),
        .executableTarget(name: "akslint-bench", dependencies: ["AKSLintCLI"], swiftSettings: sharedSettings),
        .target(name: "AKSLintTestSupport", dependencies: ["AKSLintCore"], path: "Tests/AKSLintTestSupport", swiftSettings: sharedSettings),
        .target(name: "AKSLintFuzzTargets", dependencies: ["AKSLintCore", "AKSLintRules"], path: "Tests/AKSLintFuzzTargets", swiftSettings: sharedSettings),
        .testTarget(name: "AKSLintCoreTests", dependencies: ["AKSLintCore", "AKSLintTestSupport"], swiftSettings: sharedSettings),
        .testTarget(name: "AKSLintRulesTests", dependencies: ["AKSLintCore", "AKSLintRules", "AKSLintTestSupport", "AKSLintFuzzTargets"], swiftSettings: sharedSettings),
        .testTarget(name: "AKSLintCLITests", dependencies: ["AKSLintCLI", "AKSLintCore", "AKSLintRules", "AKSLintTestSupport"], swiftSettings: sharedSettings),
    ],
    swiftLanguageModes: [.v6]
)
