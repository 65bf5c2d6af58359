import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// Errors found when the data are read against a grid: CSV file, line and column.
@Suite("GridDataErrors")
struct GridDataErrorTests {
    static let grid = """
    name: g
    id: id
    criteria:
      - {name: dalo, column: dalo, flag: 50}
      - {name: anc, column: anc, per_unit: 1, cap: 60}
      - {name: effort, column: effort, bands: [{from: 0.3, points: 10}], missing: 0}
      - {name: sit, column: sit, categories: {sans_abri: 30}}
    """

    static func load(_ csv: String, grid: String = grid) throws -> GridDesign {
        try GridDesign.load(grid: try PointsGrid(yaml: grid), csvPath: try RepositoryPaths.temporaryFile(csv, name: "d.csv"))
    }

    static func expectError(_ csv: String, grid: String = grid, line: Int?, column: Int?, _ message: String) {
        do {
            _ = try load(csv, grid: grid)
            Issue.record("accepted")
        } catch let error as CSVError {
            #expect(error.file.hasSuffix("d.csv"))
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func acceptedValues() throws {
        // Undeclared category → 0; missing band value with `missing: 0` → 0; missing category → 0.
        let d = try Self.load("id,dalo,anc,effort,sit\na,oui,70,,hotel\nb,non,3,0.5,\n")
        #expect(try d.scores() == [110, 13])
    }

    @Test func unknownColumnListsTheAvailableOnes() {
        Self.expectError("id,dalo,anc,effort,situation\na,oui,1,0.1,x\n", line: 1, column: nil,
                         "criterion 'sit' reads column 'sit', which is not in the header; available columns: 'id', 'dalo', 'anc', 'effort', 'situation'")
    }

    @Test func nonNumericValue() {
        Self.expectError("id,dalo,anc,effort,sit\na,oui,1,0.1,x\nb,non,douze,0.1,x\n", line: 3, column: 3,
                         "expected a number for criterion 'anc' (per_unit), found 'douze'")
        Self.expectError("id,dalo,anc,effort,sit\na,oui,1,30%,x\n", line: 2, column: 4, "expected a number for criterion 'effort'")
    }

    @Test func missingFlagOrNumberWithoutMissingZero() {
        Self.expectError("id,dalo,anc,effort,sit\na,,1,0.1,x\n", line: 2, column: 2, "missing value for criterion 'dalo' (flag); declare `missing: 0`")
        Self.expectError("id,dalo,anc,effort,sit\na,oui,1,0.1,x\nb,oui,NA,0.1,x\n", line: 3, column: 3, "missing value for criterion 'anc'")
    }

    @Test func repeatedIDAndBadCapacityColumn() {
        Self.expectError("id,dalo,anc,effort,sit\na,oui,1,0.1,x\na,non,2,0.1,x\n", line: 3, column: 1, "id 'a' is given twice")
        let withAllocation = Self.grid + "\nallocation: {rule: capacity, capacity: {from_data: won}}\n"
        Self.expectError("id,dalo,anc,effort,sit,won\na,oui,1,0.1,x,2\n", grid: withAllocation, line: 2, column: 6, "expected 0 or 1")
        let withTie = Self.grid + "\ntie_break: [rank desc, id asc]\n"
        Self.expectError("id,dalo,anc,effort,sit,rank\na,oui,1,0.1,x,first\n", grid: withTie, line: 2, column: 6, "expected a number for tie-break key 'rank'")
    }
}
