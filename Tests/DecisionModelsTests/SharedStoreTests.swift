import AuditData
import TestSupport
import DecisionModels
import Foundation
import Testing

/// The grid and the explanation read from one store shared with the audit's columns give
/// what each gives reading the file alone.
@Suite("SharedStore")
struct SharedStoreTests {
    @Test func gridAndExplanationFromTheAuditsStore() throws {
        let spec = try AuditSpec(contentsOfFile: RepositoryPaths.housing("audit.yaml"))
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

    /// A store read without the grid's columns is refused with the column named, not read again.
    @Test func aStoreWithoutTheGridsColumnsIsRefused() throws {
        let spec = try AuditSpec(contentsOfFile: RepositoryPaths.housing("audit.yaml"))
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let store = try DataLoader.load(spec)
        #expect(throws: SpecError.self) { try GridDesign(grid: grid, store: store) }
    }
}
