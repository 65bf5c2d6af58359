import AuditData
import TestSupport
import DecisionModels
import Foundation
import Testing

/// The grid and the explanation read from one store shared with the audit's columns give
/// what each gives reading the file alone.
@Suite("SharedStore")
struct SharedStoreTests {
    /// The data part of `Fixtures/housing/audit.yaml` (the whole spec is read in `AuditApplication`).
    static let spec = DataSpec(
        path: RepositoryPaths.housing("applicants-sample.csv"),
        protected: [
            ProtectedAttributeSpec(column: "nationalite", reference: .named("FR")),
            ProtectedAttributeSpec(column: "sexe", reference: .named("M")),
            ProtectedAttributeSpec(column: "age", binning: .bands([18, 26, 36, 51, 66]), reference: .largest),
            ProtectedAttributeSpec(column: "residence_qpv", reference: .named("non")),
            ProtectedAttributeSpec(column: "handicap", reference: .named("non")),
        ],
        label: BinaryColumnSpec(column: "besoin_prioritaire"), decision: BinaryColumnSpec(column: "propose_caleol"), score: "score_total")

    @Test func gridAndExplanationFromTheAuditsStore() throws {
        let spec = Self.spec
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let path = RepositoryPaths.housing("applicants-sample.csv")
        let requests = spec.columnRequests + grid.columnRequests + ApplicantExplanation.columnRequests(grid: grid)
        let shared = try DataLoader.load(path: path, dialect: spec.csv, requests: requests)

        let alone = try GridDesign.load(grid: grid, csvPath: path)
        let design = try GridDesign(grid: grid, store: shared)
        #expect(design.ids == alone.ids)
        #expect(design.features.storage == alone.features.storage)
        #expect(design.segmentCodes == alone.segmentCodes && design.segmentLabels == alone.segmentLabels)
        #expect(design.tieRank == alone.tieRank && design.capacities == alone.capacities)
        #expect(shared.attributes.map(\.attribute) == spec.protected.map(\.column))

        for id in design.ids.prefix(3) + design.ids.suffix(2) {
            let fromFile = try ApplicantExplanation.explain(grid: grid, csvPath: path, id: id)
            #expect(try ApplicantExplanation.explain(grid: grid, store: shared, id: id) == fromFile, "\(id)")
        }
    }

    /// A design that forgot the applicants' ids (what `vigie audit` keeps once the design is
    /// built) scores and selects as the design did: the tie-break is in `tieRank`.
    @Test func aDesignWithoutIdsScoresAndSelectsTheSame() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let design = try GridDesign.load(grid: grid, csvPath: RepositoryPaths.housing("applicants-sample.csv"))
        let forgot = design.forgettingIdentifiers()
        #expect(forgot.ids.isEmpty && forgot.rows == design.rows && design.rows == design.ids.count && design.rows > 0)
        #expect(try forgot.scores() == design.scores())
        let a = try GridAllocation.allocate(scores: try design.scores(), design: design)
        let b = try GridAllocation.allocate(scores: try forgot.scores(), design: forgot)
        #expect((0..<design.rows).allSatisfy { a.isSelected($0) == b.isSelected($0) && a.rank($0) == b.rank($0) })
    }

    /// A store read without the grid's columns is refused with the column named, not read again.
    @Test func aStoreWithoutTheGridsColumnsIsRefused() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let store = try DataLoader.load(Self.spec)
        #expect(throws: SpecError.self) { try GridDesign(grid: grid, store: store) }
    }
}
