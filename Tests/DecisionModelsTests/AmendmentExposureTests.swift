import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// The `exposure_ratio>=x` target (`docs/amend.md`, "Targets"): by hand on ten applicants, the
/// radix ranking against a full sort (one and several radix passes, decimal points), and five
/// candidate grids against `Fixtures/reference/amend/make_exposure_reference.py`.
@Suite("AmendmentExposure")
struct AmendmentExposureTests {
    static func v(_ r: Int) -> Double { 1 / log2(1 + Double(r)) }

    func evaluator(exposure: Bool = true, csv: String = AmendmentTopKShareTests.csv, grid: String = AmendmentTopKShareTests.grid,
                   protected: String = "groupe", reference: String? = "A", minimum: Int = 1) throws -> (AmendmentEvaluator, AmendmentGroups) {
        let path = try RepositoryPaths.temporaryFile(csv)
        let (design, attributes) = try OneRead.designAndGroups(grid: try PointsGrid(yaml: grid), csvPath: path, protected: [protected])
        let groups = try AmendmentGroups(attribute: attributes[0], reference: reference, minGroupSize: minimum, minCellSize: minimum,
                                         targets: [.exposureRatioAtLeast(0.9)])
        return (try AmendmentEvaluator(design: design, groups: groups, exposure: exposure), groups)
    }

    @Test func exposureRatioByHand() throws {
        let target = try AmendmentTarget(parsing: "exposure_ratio >= 0.9")
        #expect(target == .exposureRatioAtLeast(0.9) && target.text == "exposure_ratio>=0.9" && target.metricName == "min_exposure_ratio")
        let (evaluator, groups) = try evaluator()
        let a = try #require(groups.labels.firstIndex(of: "A")), b = try #require(groups.labels.firstIndex(of: "B"))
        // f = 10 points: a1, a2, b1, b2 (score 10, id order) at positions 1–4, then a3…a6 (5–8),
        // b3, b4 (9, 10). E_A = v1+v2+v5+v6+v7+v8, E_B = v3+v4+v9+v10, mean over all = (E_A+E_B)/10.
        let eA = Self.v(1) + Self.v(2) + Self.v(5) + Self.v(6) + Self.v(7) + Self.v(8)
        let eB = Self.v(3) + Self.v(4) + Self.v(9) + Self.v(10)
        let mean = (eA + eB) / 10
        // f = 0: everyone ties, id order: A at 1–6, B at 7–10.
        let fA = (1...6).reduce(0.0) { $0 + Self.v($1) }, fB = (7...10).reduce(0.0) { $0 + Self.v($1) }
        let measures = try evaluator.measure([[10], [0]])
        #expect(abs((measures[0].exposureRatio[a] ?? -1) - (eA / 6) / mean) < 1e-12)
        #expect(abs((measures[0].minExposureRatio ?? -1) - (eB / 4) / mean) < 1e-12)
        #expect(abs((measures[0].minExposureRatio ?? -1) - 0.8367731479298289) < 1e-12)
        #expect(measures[0].exposureWorstGroup == b && measures[0].exposureBestGroup == a)
        #expect(abs((measures[1].minExposureRatio ?? -1) - (fB / 4) / ((fA + fB) / 10)) < 1e-12)
        #expect(abs(target.shortfall(measures[0].value(of: target)) - (0.9 - 0.8367731479298289)) < 1e-12)
        // The search's radix ranking gives the same numbers as the full sort.
        #expect(measures == (try evaluator.measureWithScores([[10], [0]]).measures))
        // Without an exposure target, nothing is ranked.
        let (plain, _) = try self.evaluator(exposure: false)
        #expect(try plain.measure([[10]])[0].minExposureRatio == nil)
    }

    /// Scores spanning more than 65,535 steps (two radix passes), decimal points and a per-unit
    /// criterion: the radix ranking equals the comparison sort on 300 rows with many ties.
    @Test func radixRankingEqualsTheFullSort() throws {
        var lines = ["id,groupe,f,m,seg"]
        var state: UInt64 = 7
        func next(_ n: UInt64) -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return (state >> 33) % n }
        for i in 0..<300 {
            let g = ["A", "B", "C", ""][Int(next(4))]
            lines.append("r\(String(format: "%04d", i)),\(g),\(next(2)),\(next(40)),s\(next(3))")
        }
        let grid = """
        name: wide
        id: id
        criteria:
          - {name: f, column: f, flag: 10, true_values: ["1"]}
          - {name: m, column: m, per_unit: 1, cap: 30}
        allocation:
          rule: capacity
          segment_by: [seg]
          capacity: {default: 20}
        tie_break: [id desc]

        """
        let (evaluator, _) = try evaluator(csv: lines.joined(separator: "\n") + "\n", grid: grid, reference: nil)
        let batch: [[Double]] = [[10, 1], [100_000, 1], [70_000.5, 3.25], [0, 0.5], [0.1, 7]]
        let fast = try evaluator.measure(batch)
        let reference = try evaluator.measureWithScores(batch).measures
        #expect(fast == reference)
        #expect(fast.allSatisfy { $0.minExposureRatio != nil })
    }

    /// Five candidate grids on 400 generated applicants against the Python reference (plain
    /// sort, exact half-point scores).
    @Test func candidatesAgainstThePythonReference() throws {
        let csv = RepositoryPaths.reference("amend/exposure_applicants.csv")
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.reference("amend/exposure_expected.json")))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(expected.count == 5)
        for entry in expected {
            let points = try #require(entry["points"] as? [String: Double])
            func p(_ k: String) -> String { String(points[k] ?? .nan) }
            let grid = """
            name: reference
            id: demande_id
            criteria:
              - {name: lien, column: lien, flag: \(p("lien")), true_values: [oui]}
              - {name: situation, column: situation, categories: {sans_abri: \(p("sans_abri")), hotel: \(p("hotel"))}}
              - {name: anciennete, column: anciennete_mois, per_unit: \(p("per_month")), cap: \(60 * (points["per_month"] ?? 0))}
            allocation:
              rule: capacity
              segment_by: [seg]
              capacity: {default: 20}
            tie_break: [anciennete_mois desc, demande_id asc]

            """
            let parsed = try PointsGrid(yaml: grid)
            let (design, attributes) = try OneRead.designAndGroups(grid: parsed, csvPath: csv, protected: ["groupe"])
            let groups = try AmendmentGroups(attribute: attributes[0], reference: nil, minGroupSize: 30, minCellSize: 10, targets: [.exposureRatioAtLeast(0.9)])
            let evaluator = try AmendmentEvaluator(design: design, groups: groups, exposure: true)
            let m = try evaluator.measure([design.weights])[0]
            let ratios = try #require(entry["exposure_ratio"] as? [String: Double])
            for (label, value) in ratios {
                let g = try #require(groups.labels.firstIndex(of: label))
                #expect(abs((m.exposureRatio[g] ?? -1) - value) < 1e-12, "\(points) \(label)")
            }
            #expect(abs((m.minExposureRatio ?? -1) - (entry["min_exposure_ratio"] as? Double ?? -2)) < 1e-12, "\(points)")
        }
    }

    @Test func badExposureTargetsAreRefused() throws {
        #expect(throws: SpecError.self) { try AmendmentTarget(parsing: "exposure_ratio>=0") }
        #expect(throws: SpecError.self) { try AmendmentTarget(parsing: "exposure_ratio>=x") }
        // Ten applicants with the default 30-applicant eligibility: no group can be measured.
        #expect(throws: SpecError.self) { try self.evaluator(minimum: 30) }
    }
}
