import AuditMetrics
import Testing

/// Holm and Benjamini–Hochberg against statsmodels `multipletests` (exact equality).
@Suite struct InferenceMultipleTestingTests {
    @Test func holmMatchesStatsmodelsExactly() {
        let cases = InferenceReference.cases("holm")
        #expect(cases.count == 9)
        for c in cases {
            let p = InferenceReference.numbers(c, "p"), want = InferenceReference.numbers(c, "adjusted")
            #expect(MultipleTesting.holm(p) == want, "holm(\(p))")
        }
    }

    @Test func benjaminiHochbergMatchesStatsmodelsExactly() {
        let cases = InferenceReference.cases("benjamini_hochberg")
        #expect(cases.count == 9)
        for c in cases {
            let p = InferenceReference.numbers(c, "p"), want = InferenceReference.numbers(c, "adjusted")
            #expect(MultipleTesting.benjaminiHochberg(p) == want, "bh(\(p))")
        }
    }

    @Test func handWorkedExamples() {
        #expect(MultipleTesting.holm([0.01, 0.04, 0.03, 0.005]) == [0.03, 0.06, 0.06, 0.02])
        #expect(MultipleTesting.benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) == [0.02, 0.04, 0.04, 0.02])
        #expect(MultipleTesting.holm([]) == [])
        #expect(MultipleTesting.benjaminiHochberg([]) == [])
        #expect(MultipleTesting.holm([0.3]) == [0.3])
        #expect(MultipleTesting.holm([0.6, 0.7]) == [1, 1])
    }

    @Test func adjustedValuesAreMonotoneAndDominateRaw() {
        let p = [0.001, 0.2, 0.2, 0.04, 0.04, 0.6, 0.03, 0.9, 0.011, 0.049]
        for adjust in [MultipleTesting.holm, MultipleTesting.benjaminiHochberg] {
            let q = adjust(p)
            for i in p.indices {
                #expect(q[i] >= p[i] && q[i] <= 1)
                for j in p.indices where p[i] <= p[j] { #expect(q[i] <= q[j]) }
            }
        }
        let holm = MultipleTesting.holm(p), bh = MultipleTesting.benjaminiHochberg(p)
        for i in p.indices { #expect(bh[i] <= holm[i]) }
    }
}
