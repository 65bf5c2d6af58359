import TestSupport
import Foundation
import Testing

/// Loader for `Fixtures/reference/inference/expected_inference.json`, written by
/// `make_inference_reference.py` from scipy 1.17.1 and statsmodels 0.15.0. Every number is
/// stored as the exact `repr` string of a Python float; `null` marks an undefined value.
enum InferenceReference {
    typealias Case = [String: Any]

    /// The parsed fixture (read afresh on each call: it is small, and `[String: Any]` is not `Sendable`).
    static var data: [String: Any] {
        let path = RepositoryPaths.fixture("reference/inference/expected_inference.json")
        guard let bytes = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        else { return [:] }
        return object
    }

    static func cases(_ section: String) -> [Case] { data[section] as? [Case] ?? [] }

    /// A number field: `nil` for JSON null or a missing key.
    static func number(_ c: Case, _ key: String) -> Double? {
        if let s = c[key] as? String { return Double(s)! }
        if let n = c[key] as? NSNumber { return n.doubleValue }
        return nil
    }

    static func numbers(_ c: Case, _ key: String) -> [Double] {
        (c[key] as? [String] ?? []).map { Double($0)! }
    }

    /// |got − want| / |want| (absolute difference when want = 0).
    static func relativeError(_ got: Double, _ want: Double) -> Double {
        if got == want { return 0 }
        return want == 0 ? abs(got) : abs(got - want) / abs(want)
    }

    /// Tracks the largest relative error of one function over the reference cases.
    struct ErrorTracker {
        let name: String
        var maximum = 0.0
        var count = 0
        var worst = ""

        init(_ name: String) { self.name = name }

        /// Records a comparison; returns whether |got − want| ≤ relative·|want| + absolute.
        mutating func check(_ got: Double, _ want: Double, relative: Double, absolute: Double = 0, _ label: @autoclosure () -> String) -> Bool {
            count += 1
            // Values within 1000× the absolute floor (bounds that are 0 up to rounding, or an
            // underflowed reference) are checked against the floor but not counted in `maximum`.
            let error = abs(want) > 1000 * absolute ? relativeError(got, want) : 0
            if error > maximum { maximum = error; worst = label() }
            return abs(got - want) <= relative * abs(want) + absolute
        }

        func report() {
            print("[inference-reference] \(name): \(count) comparisons, max relative error \(maximum)\(worst.isEmpty ? "" : " at \(worst)")")
        }
    }
}

@Suite struct InferenceReferenceTests {
    @Test func fixtureIsPresentAndComplete() {
        let generator = InferenceReference.data["generator"] as? [String: Any]
        #expect(generator?["scipy"] as? String == "1.17.1")
        #expect(generator?["statsmodels"] as? String == "0.15.0")
        for section in ["normal", "normal_quantile", "betainc", "betaincinv", "gammaincc", "chi2_sf", "wilson",
                        "clopper_pearson", "newcombe", "katz", "fisher", "ztest", "chi2_independence", "holm",
                        "benjamini_hochberg", "power"] {
            #expect(!InferenceReference.cases(section).isEmpty, "section \(section) missing")
        }
    }
}
