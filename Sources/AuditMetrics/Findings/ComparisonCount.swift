/// How many comparisons an audit makes, counted once, here, for every output that states it
/// (the report's summary and findings, the CI summary, the convention's evidence).
///
/// A **comparison** is one group against its reference on one rate: `findings.csv` gives it two
/// rows, its difference and its ratio — two scales of the same comparison, sharing one test —
/// so it is counted once, by its difference. The **family** adjusted together (Holm or BH) is
/// every comparison with a test and every test of independence, withheld ones included
/// (disclosure control keeps them in the family). The allocation's comparisons
/// (``AllocationFindings``) are counted apart: their own family.
public struct ComparisonCount: Sendable, Equatable {
    /// Published rate comparisons (one per group, reference and rate).
    public let comparisons: Int
    /// Published rate comparisons by verdict.
    public let byVerdict: [Verdict: Int]
    /// Tests adjusted together: every rate comparison with a test (published or withheld) and
    /// every test of independence.
    public let adjustedTests: Int
    /// Tests of independence in that family (published or withheld).
    public var independenceTests: Int { adjustedTests - testedComparisons }
    /// Rate comparisons with a test in that family (published or withheld).
    public let testedComparisons: Int
    /// Published rate comparisons with a test.
    public let publishedTested: Int
    /// Rate comparisons with a test that disclosure control withheld (they stay in the family).
    public var withheldTested: Int { max(0, testedComparisons - publishedTested) }
    /// Published allocation comparisons (a mean's ratio, a share's difference).
    public let allocationComparisons: Int

    public init(_ result: AuditResult) {
        let rates = result.findings.filter { $0.kind == .difference && !$0.isAllocation }
        comparisons = rates.count
        byVerdict = Dictionary(grouping: rates, by: \.verdict).mapValues(\.count)
        let published = Set(rates.filter { $0.pValue != nil }.map { "\($0.attribute)|\($0.group)|\($0.metric)" }).count
        adjustedTests = result.disclosure?.adjustedTests ?? (published + result.independenceTests.count)
        testedComparisons = result.disclosure?.testedComparisons ?? published
        publishedTested = published
        allocationComparisons = result.findings.filter { $0.isAllocation && ($0.kind == .difference || AllocationFindings.means.contains($0.metric)) }.count
    }

    /// Published rate comparisons with verdict `v`.
    public subscript(_ v: Verdict) -> Int { byVerdict[v] ?? 0 }
}

extension AuditResult {
    /// The audit's comparisons, counted once (``ComparisonCount``).
    public var comparisonCount: ComparisonCount { ComparisonCount(self) }
}
