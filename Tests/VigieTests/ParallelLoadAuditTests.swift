import AuditApplication
import AuditData
import AuditFixtures
import Foundation
import Testing

/// Issue 21, point 5: the data parsed on every core give the same audit. A generated housing
/// file of more than 8 MiB (the smallest the loader shares between threads) audited on 1, 2
/// and 8 threads: every report byte-identical, the store too.
@Suite struct ParallelLoadAuditTests {
    @Test func auditOutputsAreTheSameOnOneTwoAndEightThreads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-parallel-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("housing.csv")
        try HousingGenerator(seed: 7).write(rows: 70_000, to: data)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: data.path)[.size] as? Int)
        #expect(size > 9 << 20, "the file must be large enough to be read in segments")
        let spec = try AuditSpec(yaml: """
        data: \(data.path)
        protected: [nationalite, sexe, commune_souhaitee]
        label: besoin_prioritaire
        decision: propose_caleol
        intersections: 2
        """)
        var outputs: [Int: [String: Data]] = [:]
        var stores: [Int: ColumnStore] = [:]
        for threads in [1, 2, 8] {
            let out = folder.appendingPathComponent("out-\(threads)")
            _ = try AuditPipeline.run(spec: spec, outputDirectory: out.path, threads: threads)
            outputs[threads] = try Dictionary(uniqueKeysWithValues: AuditPipeline.files.map {
                ($0, try Data(contentsOf: out.appendingPathComponent($0)))
            })
            stores[threads] = try AuditPipeline.load(spec, threads: threads).store
        }
        #expect(stores[1]?.rowCount == 70_000)
        for threads in [2, 8] {
            for name in AuditPipeline.files {
                #expect(outputs[threads]?[name] == outputs[1]?[name], "\(name), \(threads) threads")
            }
            #expect(stores[threads] == stores[1], "\(threads) threads")
        }
    }
}
