import AuditData
import AuditMetrics
import DecisionModels

extension HumanStage {
    /// The stratum of every applicant for the at-equal-points comparisons: the decile band of
    /// their rank within their allocation segment, `band = ⌊bands·(rank − 1)/n_s⌋` (rank 1 the
    /// best: score, then the grid's tie-break; `n_s` the segment's applicants), and stratum
    /// `segment·bands + band`. Without segments, deciles of the grid's overall order: score
    /// deciles, ties split by the tie-break so that the bands have equal sizes.
    ///
    /// - Returns: the codes, their number, and the rule in words.
    static func strata(design: GridDesign, allocation: GridAllocationResult, bands: Int) -> (codes: [Int32], count: Int, words: String) {
        var size = [Int](repeating: 0, count: design.segmentLabels.count)
        for s in design.segmentCodes { size[Int(s)] += 1 }
        let codes = design.segmentCodes.indices.map { i -> Int32 in
            let s = Int(design.segmentCodes[i])
            let band = (allocation.rank(i) - 1) * bands / max(size[s], 1)
            return Int32(s * bands + min(band, bands - 1))
        }
        let segmentBy = design.grid.segmentBy
        let words = segmentBy.isEmpty
            ? "\(bands) bands of the grid's order (score, then tie-break), equal in size"
            : "\(bands) bands of the rank within each \(segmentBy.joined(separator: " × ")), equal in size"
        return (codes, design.segmentLabels.count * bands, words)
    }

    /// The strata of ``strata(design:allocation:bands:)`` with the human stage's ``bands``: what
    /// "applicants of similar score" means for the scan's relative wait (`docs/scan.md`), so that
    /// the audit has one definition.
    public static func scoreStrata(design: GridDesign, allocation: GridAllocationResult) -> [Int32] {
        strata(design: design, allocation: allocation, bands: bands).codes
    }

    /// The stratum's band (0 = the grid's best tenth), whatever the segment.
    static func band(ofStratum s: Int32) -> Int { Int(s) % bands }

    /// The grid's segments and the data's must describe the same applicants, or the grid's
    /// selection cannot be compared with the decision:
    /// - an applicant without a value in a `segment_by` column is an error at that field;
    /// - a segment the grid declares a capacity for but no applicant has is an error at the
    ///   grid's `allocation.capacity.segments`;
    /// - a segment of the data the grid declares no capacity for (and gives no default) in
    ///   which the decision selects someone is an error at the first such applicant.
    static func checkSegments(_ input: Input, actual: [UInt8]) throws {
        let design = input.design, grid = design.grid, store = input.store
        guard !grid.segmentBy.isEmpty else { return }
        for column in grid.segmentBy {
            if let values = store.categories[column], let unknown = values.unknownCode, let row = values.codes.firstIndex(of: unknown) {
                throw store.error(row: row, column: column,
                                  "missing value: the grid allocates within each \(grid.segmentBy.joined(separator: " × ")), so this applicant's selection by the grid cannot be compared with the decision; give every applicant a value")
            }
        }
        let capacity: GridCapacity? = switch grid.allocation {
        case .capacity(let c), .proposals(let c, _): c
        default: nil
        }
        guard case .declared(let declared, let fallback) = capacity else { return }
        let present = Set(design.segmentLabels)
        for d in declared where !present.contains(d.segment) {
            throw SpecError(file: input.gridFile, key: "allocation.capacity.segments",
                            problem: .sentence(.modelSegmentCapacity, arguments: ["segment": "\(d.segment.joined(separator: " × "))", "segments": "\(design.segmentLabels.map { $0.joined(separator: " × ") }.joined(separator: ", "))"]))
        }
        guard fallback == 0 else { return }
        let declaredSet = Set(declared.map(\.segment))
        for (s, label) in design.segmentLabels.enumerated() where !declaredSet.contains(label) {
            if let row = design.segmentCodes.indices.first(where: { Int(design.segmentCodes[$0]) == s && actual[$0] == 1 }) {
                throw store.error(row: row, column: grid.segmentBy[0],
                                  "segment \(label.joined(separator: " × ")) has no capacity in the grid (not declared, no default) but the decision selects applicants in it: the grid's segments and the data's differ; declare its capacity in \(input.gridFile)")
            }
        }
    }
}
