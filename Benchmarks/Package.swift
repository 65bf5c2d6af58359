// swift-tools-version: 6.1
// Vigie's benchmarks, as a separate package so that the main package's `swift build` and
// `swift test` never compile package-benchmark. Run with:
//
//     cd Benchmarks && swift package benchmark
//
// The `traits: ["MallocInterposer"]` argument is required: benchmark 1.38.1's default traits
// pull in swift-runtime-interposer on Linux with Swift 6.3, which is not available offline
// (see docs/blas.md §6 in the repository). jemalloc is not needed on Swift 6.3.
import PackageDescription

let package = Package(
    name: "VigieBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` keeps the identity independent of the clone folder's name.
        .package(name: "Vigie", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "VigieBenchmarks",
            dependencies: [
                .product(name: "AuditData", package: "Vigie"),
                .product(name: "AuditMetrics", package: "Vigie"),
                .product(name: "AuditReport", package: "Vigie"),
                .product(name: "AuditApplication", package: "Vigie"),
                .product(name: "AuditFixtures", package: "Vigie"),
                .product(name: "LinearAlgebra", package: "Vigie"),
                .product(name: "DecisionModels", package: "Vigie"),
                .product(name: "ModelAudit", package: "Vigie"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            // The plugin only treats targets whose parent folder is named `Benchmarks` as
            // benchmark targets: this one is `Benchmarks/VigieBenchmarks/`.
            path: "VigieBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
