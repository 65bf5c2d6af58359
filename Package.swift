// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Vigie",
    products: [
        .executable(name: "vigie", targets: ["vigie"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "AuditData", targets: ["AuditData"]),
        .library(name: "AuditMetrics", targets: ["AuditMetrics"]),
        .library(name: "AuditAssessment", targets: ["AuditAssessment"]),
        .library(name: "AuditReport", targets: ["AuditReport"]),
        .library(name: "AuditApplication", targets: ["AuditApplication"]),
        .library(name: "AuditFixtures", targets: ["AuditFixtures"]),
        .library(name: "DecisionModels", targets: ["DecisionModels"]),
        .library(name: "ModelAudit", targets: ["ModelAudit"]),
        .library(name: "RegisterRecords", targets: ["RegisterRecords"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Provenance: SHA-256 of inputs and outputs (manifest.json, `vigie verify`).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "lapacke",
            providers: [.apt(["libblas-dev", "liblapack-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"], exclude: ["README.md"]),
        // libpq, PostgreSQL's client library, for the push-down audit (docs/postgres.md).
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresSource", dependencies: ["CPostgres", "AuditData", "AuditMetrics"], exclude: ["README.md"]),
        // GLPK, the GNU Linear Programming Kit, for vigie amend's linear surrogate (docs/amend.md).
        // No pkgConfig: Debian's libglpk-dev ships no glpk.pc (header in /usr/include).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "LinearProgramming", dependencies: ["CGLPK"], exclude: ["README.md"]),
        .target(name: "AuditData", dependencies: [.product(name: "Yams", package: "Yams")], exclude: ["README.md", "CSV/README.md"]),
        .target(name: "AuditMetrics", dependencies: ["AuditData", "LinearAlgebra"], exclude: ["README.md"]),
        .target(name: "AuditAssessment", dependencies: ["AuditData", "AuditMetrics"], exclude: ["README.md"]),
        .target(
            name: "AuditReport",
            dependencies: ["AuditMetrics", "AuditData", "AuditAssessment", "LinearAlgebra", "DecisionModels", "ModelAudit"],
            exclude: ["README.md"]
        ),
        .target(
            name: "AuditApplication",
            dependencies: [
                "AuditData", "AuditMetrics", "AuditAssessment", "AuditReport", "DecisionModels", "ModelAudit", "LinearAlgebra", "PostgresSource",
                .product(name: "Crypto", package: "swift-crypto"),  // provenance: SHA-256
            ],
            exclude: ["README.md"],
            plugins: ["BuildCommit"]  // the build's git commit, for manifest.json
        ),
        // Writes the git commit of the build into AuditApplication (BuildCommit.swift).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .target(name: "AuditFixtures", dependencies: ["AuditData"], exclude: ["README.md"]),
        .target(name: "DecisionModels", dependencies: ["AuditData", "AuditMetrics", "LinearAlgebra", "LinearProgramming", .product(name: "Yams", package: "Yams")], exclude: ["README.md"]),
        .target(name: "ModelAudit", dependencies: ["AuditData", "AuditMetrics", "DecisionModels", "LinearAlgebra"], exclude: ["README.md"]),
        // Public algorithm registers (Etalab, ATRS, the Dutch register) from an audit folder.
        .target(
            name: "RegisterRecords",
            dependencies: ["AuditData", "AuditReport", "AuditApplication", "DecisionModels", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "vigie",
            dependencies: [
                "AuditData", "AuditMetrics", "AuditAssessment", "AuditReport", "AuditApplication", "AuditFixtures", "DecisionModels",
                "RegisterRecords", "PostgresSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: repository paths, tolerances, the seeded generator.
        .target(name: "TestSupport", dependencies: ["AuditFixtures"], path: "Tests/TestSupport", exclude: ["README.md"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
        .testTarget(name: "AuditDataTests", dependencies: ["AuditData", "TestSupport"]),
        .testTarget(name: "AuditMetricsTests", dependencies: ["AuditMetrics", "AuditData", "TestSupport"]),
        .testTarget(name: "DecisionModelsTests", dependencies: ["DecisionModels", "AuditData", "AuditMetrics", "LinearAlgebra", "LinearProgramming", "TestSupport"]),
        .testTarget(name: "RegisterRecordsTests", dependencies: ["RegisterRecords", "AuditApplication", "TestSupport", "vigie"]),
        .testTarget(name: "VigieTests", dependencies: ["TestSupport", "AuditApplication", "AuditAssessment", "AuditReport", "DecisionModels", "ModelAudit", "AuditMetrics", "AuditData", "AuditFixtures", "vigie"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer targets (Fuzz/README.md), declared only when `Fuzz/run.sh` builds them
// (VIGIE_FUZZ=1, with -sanitize=fuzzer,address): they link libFuzzer's driver, which a
// plain build does not, and they read the readers at package access.
if Context.environment["VIGIE_FUZZ"] != nil {
    let readers: [Target.Dependency] = ["AuditData", "AuditMetrics", "AuditReport", "AuditApplication", "DecisionModels"]
    package.targets.append(.target(name: "FuzzSupport", dependencies: readers, path: "Fuzz/Sources/FuzzSupport"))
    for name in ["FuzzCSV", "FuzzSpec", "FuzzGrid", "FuzzTariff", "FuzzManifest"] {
        package.targets.append(.executableTarget(name: name, dependencies: readers + ["FuzzSupport"], path: "Fuzz/Sources/\(name)"))
    }
}
