// swift-tools-version: 6.1
// libFuzzer targets for Vigie's readers, as a separate package (the main build never compiles
// them). Built with the fuzzer and address sanitizers and run for a bounded time by
// `Fuzz/run.sh` (by hand: the build is too long for `.ci/run`); see Fuzz/README.md.
import PackageDescription

let vigie: [Target.Dependency] = [
    .product(name: "AuditData", package: "Vigie"),
    .product(name: "AuditMetrics", package: "Vigie"),
    .product(name: "AuditReport", package: "Vigie"),
    .product(name: "AuditApplication", package: "Vigie"),
    .product(name: "DecisionModels", package: "Vigie"),
]

let package = Package(
    name: "VigieFuzz",
    dependencies: [
        // `name:` keeps the identity independent of the clone folder's name.
        .package(name: "Vigie", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: vigie),
        .executableTarget(name: "FuzzCSV", dependencies: vigie + ["FuzzSupport"]),
        .executableTarget(name: "FuzzSpec", dependencies: vigie + ["FuzzSupport"]),
        .executableTarget(name: "FuzzGrid", dependencies: vigie + ["FuzzSupport"]),
        .executableTarget(name: "FuzzTariff", dependencies: vigie + ["FuzzSupport"]),
        .executableTarget(name: "FuzzManifest", dependencies: vigie + ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
