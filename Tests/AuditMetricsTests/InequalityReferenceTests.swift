@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// Every index, Lorenz ordinate, concentration index/curve and decomposition against the values
/// of `Fixtures/reference/inequality/make_inequality_reference.py` (numpy, from the definitions).
@Suite struct InequalityReferenceTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/inequality/inequality_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double? { (any as? String).flatMap(Double.init) }
    static func numbers(_ any: Any?) -> [Double]? { (any as? [Any]).map { $0.map { number($0) ?? .nan } } }

    static let indices: [String: InequalityIndex] = [
        "gini": .gini, "theil_t": .theilT, "theil_l": .theilL, "ge_-1": .generalizedEntropy(-1),
        "ge_0.5": .generalizedEntropy(0.5), "ge_2": .generalizedEntropy(2), "ge_3": .generalizedEntropy(3),
        "atkinson_0.5": .atkinson(0.5), "atkinson_1": .atkinson(1), "atkinson_2": .atkinson(2),
        "cv": .coefficientOfVariation, "palma": .palma, "share_0_40": .quantileShare(lower: 0, upper: 0.4),
        "share_90_100": .quantileShare(lower: 0.9, upper: 1), "share_20_50": .quantileShare(lower: 0.2, upper: 0.5),
    ]

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func namesAreTheReportNames() {
        for (name, index) in Self.indices { #expect(index.name == name) }
        #expect(InequalityIndex.generalizedEntropy(1).name == "ge_1")
        #expect(InequalityIndex.quantileShare(lower: 0.1, upper: 0.9).name == "share_10_90")
        #expect(InequalityIndex.quantileShare(lower: 0.125, upper: 0.5).name == "share_12.5_50")
    }

    @Test func everyIndexMatchesNumpy() {
        var maxRelative = 0.0, compared = 0
        for case let s as [String: Any] in Self.json["samples"] as! [Any] {
            let name = s["name"] as! String
            let values = (s["values"] as! [Any]).map { Self.number($0) ?? .nan }
            let sample = AllocationSample(values: values, weights: Self.numbers(s["weights"]))
            let expected = s["expected"] as! [String: Any]
            for (key, index) in Self.indices {
                let got = Inequality.value(index, of: sample)
                if let want = Self.number(expected[key]) {
                    guard let v = got.value else { Issue.record("\(name) \(key): undefined (\(got.reason!)), numpy \(want)"); continue }
                    #expect(Self.close(v, want, 1e-12) || abs(v - want) < 1e-14, "\(name) \(key): \(v) vs numpy \(want)")
                    if abs(want) > 1e-14 { maxRelative = max(maxRelative, abs(v - want) / abs(want)) }
                } else {
                    #expect(got.value == nil, "\(name) \(key): \(got) but numpy has no value")
                    #expect(got.reason?.isEmpty == false)
                }
                compared += 1
            }
            if let lorenz = Self.numbers(s["lorenz"]) {
                let curve = Inequality.lorenzCurve(sample, points: lorenz.count)
                #expect(curve.count == lorenz.count)
                for (point, want) in zip(curve, lorenz) { #expect(Self.close(point.share, want, 1e-12), "\(name) L(\(point.p))") }
            } else {
                #expect(Inequality.lorenzCurve(sample, points: 11).isEmpty)
            }
        }
        #expect(compared == 15 * Self.indices.count)
        print("inequality vs numpy: \(compared) values, max relative error \(maxRelative)")
    }

    @Test func missingValuesAreCountedAndExcluded() {
        let sample = AllocationSample(values: [5, .nan, 1, 8, .nan, 2])
        #expect(sample.count == 4 && sample.missing == 2 && sample.totalWeight == 4 && sample.mean == 4)
        let weighted = AllocationSample(values: [5, 1, 8, 2], weights: [1, .nan, 0, 2])
        #expect(weighted.count == 2 && weighted.missing == 1 && weighted.totalWeight == 3)
    }

    @Test func concentrationIndexAndCurveMatchNumpy() {
        for case let c as [String: Any] in Self.json["concentration"] as! [Any] {
            let values = Self.numbers(c["values"])!, rankBy = Self.numbers(c["rank_by"])!, weights = Self.numbers(c["weights"])
            let index = Inequality.concentrationIndex(values: values, rankBy: rankBy, weights: weights)
            let want = Self.number(c["index"])!
            #expect(Self.close(index.value!, want, 1e-11) || abs(index.value! - want) < 1e-14, "\(c["name"]!): \(index) vs \(want)")
            let curve = Inequality.concentrationCurve(values: values, rankBy: rankBy, weights: weights, points: 11)
            for (point, want) in zip(curve, Self.numbers(c["curve"])!) { #expect(Self.close(point.share, want, 1e-12), "\(c["name"]!) C(\(point.p))") }
            if let gini = Self.number(c["gini_of_values"]) {
                #expect(Self.close(index.value!, gini, 1e-12))
                #expect(Self.close(Inequality.value(.gini, of: AllocationSample(values: values)).value!, gini, 1e-12))
            }
        }
    }

    @Test func decompositionMatchesNumpy() {
        let d = Self.json["decomposition"] as! [String: Any]
        let values = Self.numbers(d["values"])!, weights = Self.numbers(d["weights"])!
        let groups = (d["groups"] as! [Int]).map(UInt32.init)
        for case let c as [String: Any] in d["cases"] as! [Any] {
            let alpha = Self.number(c["alpha"])!
            let sample = AllocationSample(values: values, weights: (c["weighted"] as! Bool) ? weights : nil)
            let result = Inequality.decompose(.generalizedEntropy(alpha), sample: sample, groups: groups, groupCount: 5)!
            #expect(Self.close(result.total, Self.number(c["total"])!), "α \(alpha) total")
            #expect(Self.close(result.between, Self.number(c["between"])!, 1e-11), "α \(alpha) between \(result.between)")
            #expect(Self.close(result.within, Self.number(c["within"])!), "α \(alpha) within")
            #expect(result.groups.count == 4)  // group 4 is empty
        }
    }

    @Test func poissonThresholdsMatchTheExactOnes() {
        let exact = (Self.json["poisson1_thresholds"] as! [String]).map { UInt64($0)! }
        #expect(Array(exact.prefix(20)) == PoissonOneSampler.thresholds)
        #expect(exact.dropFirst(20).allSatisfy { $0 == .max })
    }
}
