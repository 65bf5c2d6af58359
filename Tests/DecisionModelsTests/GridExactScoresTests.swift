import AuditData
@testable import DecisionModels
import Foundation
import LinearAlgebra
import TestSupport
import Testing

/// Exact grid scores (``GridScoreScale``): adversarial decimals, negative points, caps at a
/// repeating decimal of units, floors, sensitivity variants, and the located errors when
/// points and data together have too many decimals. Every expected score is a decimal literal
/// worked out by hand; `Double("0.3")` is the double a person means by 0.3.
@Suite struct GridExactScoresTests {
    static func design(_ yaml: String, _ csv: String) throws -> GridDesign {
        try GridDesign.load(grid: try PointsGrid(yaml: yaml), csvPath: try RepositoryPaths.temporaryFile(csv))
    }

    @Test func decimalsAreReadBackAsTheShortestDecimal() throws {
        #expect(GridDecimal(0.1) == GridDecimal(significand: 1, decimals: 1))
        #expect(GridDecimal(-7.2) == GridDecimal(significand: -72, decimals: 1))
        #expect(GridDecimal(60) == GridDecimal(significand: 60, decimals: 0))
        #expect(GridDecimal(1e-5) == GridDecimal(significand: 1, decimals: 5))
        #expect(GridDecimal(0.625)?.decimals == 3)
        // A binary sum is not a short decimal.
        #expect(GridDecimal(0.1 + 0.2) == nil)
        #expect(GridDecimal(1.0 / 3) == nil)
        #expect(GridDecimal(.infinity) == nil && GridDecimal(.nan) == nil)
        // Products in decimal: 1.5 × 0.1 = 0.15 exactly, not 0.15000000000000002.
        let tenth = try #require(GridDecimal(0.1))
        let product = try #require(GridDecimal(1.5)?.multiplied(by: tenth))
        #expect(product == GridDecimal(significand: 15, decimals: 2) && product.doubleValue == 0.15)
        #expect(1.5 * 0.1 != 0.15)
        #expect(GridSensitivity.scaled(0.1, by: 1.5) == 0.15)
        #expect(GridDecimal(significand: 1200, decimals: 3) == GridDecimal(significand: 12, decimals: 1))
    }

    /// 0.1 + 0.2 against 0.3, the same with negative points, and both around a floor.
    @Test func adversarialDecimalsGiveEqualScoresForEqualTotals() throws {
        let yaml = """
        name: adversarial
        id: id
        minimum_score: -0.3
        criteria:
          - {name: a, column: a, flag: 0.1}
          - {name: b, column: b, flag: 0.2}
          - {name: c, column: c, flag: 0.3}
          - {name: na, column: na, flag: -0.1}
          - {name: nb, column: nb, flag: -0.2}
          - {name: nc, column: nc, flag: -0.3}
          - {name: d, column: d, flag: -0.4}
        tie_break: [id asc]
        """
        let csv = """
        id,a,b,c,na,nb,nc,d
        ab,1,1,0,0,0,0,0
        c,0,0,1,0,0,0,0
        nanb,0,0,0,1,1,0,0
        nc,0,0,0,0,0,1,0
        floored,0,0,0,0,0,1,1
        mixed,1,1,1,1,1,1,0

        """
        let d = try Self.design(yaml, csv)
        let scores = try d.scores()
        #expect(scores == [0.3, 0.3, -0.3, -0.3, -0.3, 0])
        #expect(try d.scoreDecimals() == 1)
        let exact = try d.exactScores()
        #expect(exact.decimals == 1 && exact.scaled.storage == [3, 3, -3, -3, -3, 0])
        // Per criterion, the contributions are the declared points.
        let c = try d.contributions()
        #expect(c[0, 0] == 0.1 && c[0, 1] == 0.2 && c[1, 2] == 0.3 && c[2, 3] == -0.1)
    }

    /// Per-unit criteria: fractional points per unit on fractional data, a cap whose units are
    /// a repeating decimal (10 points at 3 per unit: 10/3 units), a negative per-unit penalty.
    @Test func perUnitPointsAndCapsAreExact() throws {
        let yaml = """
        name: units
        id: id
        criteria:
          - {name: mois, column: mois, per_unit: 0.1, cap: 6}
          - {name: enfants, column: enfants, per_unit: 3, cap: 10}
          - {name: effort, column: effort, per_unit: -12}
        tie_break: [id asc]
        """
        let csv = """
        id,mois,enfants,effort
        r1,3,0,0
        r2,2.5,4,0.025
        r3,75,3,0.7
        r4,12,5,0.75
        r5,0.3,1,0.001

        """
        let d = try Self.design(yaml, csv)
        // r1: 0.3; r2: 0.25 + 10 − 0.3 = 9.95; r3: 6 + 9 − 8.4 = 6.6; r4: 1.2 + 10 − 9 = 2.2;
        // r5: 0.03 + 3 − 0.012 = 3.018.
        #expect(try d.scores() == [0.3, 9.95, 6.6, 2.2, 3.018])
        let scale = d.columnScales
        #expect(scale[0].multiplier == 10 && scale[0].cappedValue == 600)
        // 10/3 units: multiplier 3, the cap becomes 10 (its points at 1 per third of a unit).
        #expect(scale[1].multiplier == 3 && scale[1].coprime == 3 && scale[1].cappedValue == 10)
        #expect(scale[2].multiplier == 1000 && scale[2].cappedValue == nil)
        let exact = try d.exactScores()
        #expect(exact.decimals == 3 && exact.scaled.storage == [300, 9950, 6600, 2200, 3018])
    }

    /// Sensitivity variants: ×1.5 of a 0.1-point criterion is scored as a grid declaring 0.15.
    @Test func sensitivityVariantsAreScoredExactly() throws {
        let yaml = """
        name: variants
        id: id
        minimum_score: 0
        criteria:
          - {name: mois, column: mois, per_unit: 0.1}
          - {name: flag, column: f, flag: 0.7}
        allocation: {rule: capacity, capacity: {default: 1}}
        tie_break: [mois desc, id asc]
        """
        let csv = """
        id,mois,f
        a,3,0
        b,1,1
        c,7,0

        """
        let d = try Self.design(yaml, csv)
        let variants = GridSensitivity.variants(of: d, scales: [0.5, 1.5])
        let w = try GridSensitivity.weightMatrix(of: d, variants: variants)
        #expect(w.storage == [0.1, 0.7, 0.05, 0.7, 0.15, 0.7, 0.1, 0.35, 0.1, 1.05])
        let s = try d.scores(weights: w)
        // Columns: baseline, mois ×0.5, mois ×1.5, flag ×0.5, flag ×1.5.
        #expect(s.column(0) == [0.3, 0.8, 0.7])
        #expect(s.column(1) == [0.15, 0.75, 0.35])
        #expect(s.column(2) == [0.45, 0.85, 1.05])
        #expect(s.column(3) == [0.3, 0.45, 0.7])
        #expect(s.column(4) == [0.3, 1.15, 0.7])
        #expect(try d.exactScores(weights: w).decimals == 2)
    }

    /// Too many decimals in the data and the points together: an error at the data value.
    @Test func tooManyDecimalsIsALocatedError() throws {
        let yaml = """
        name: fine
        id: id
        criteria:
          - {name: montant, column: montant, per_unit: 0.0000001}
        tie_break: [id asc]
        """
        let csv = """
        id,montant
        a,12
        b,123456789.123456

        """
        let d = try Self.design(yaml, csv)
        // 13 decimals, a score of 12.3… ×10¹³ ≈ 1.2e14 units is fine:
        #expect(try d.scores() == [0.0000012, 12.3456789123456])
        // At 1000.0000001 points per unit the same 13 decimals make b's score 1.2e24 units.
        let heavy = try Self.design(yaml.replacingOccurrences(of: "0.0000001", with: "1000.0000001"), csv)
        do {
            _ = try heavy.scores()
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect(error.line == 3 && error.column == 2 && error.columnName == "montant", "\(error)")
            #expect(error.message.contains("cannot be scored exactly") && error.message.contains("2^52"), "\(error)")
        }
    }

    /// A data value that is not a short decimal is refused where it is read.
    @Test func aValueThatIsNotADecimalIsRefusedAtItsField() throws {
        let yaml = """
        name: long
        id: id
        criteria:
          - {name: mois, column: mois, per_unit: 1}
        tie_break: [id asc]
        """
        do {
            _ = try Self.design(yaml, "id,mois\na,1\nb,0.30000000000000004\n")
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect(error.line == 3 && error.column == 2 && error.message.contains("decimal"), "\(error)")
        }
        // Declared points that are not short decimals are refused in the grid.
        #expect(throws: SpecError.self) {
            _ = try PointsGrid(name: "g", idColumn: "id", criteria: [GridCriterion(name: "x", column: "x", kind: .flag(points: 0.1 + 0.2, trueValues: ["1"]))])
        }
        // Weights given by a caller must be decimals too.
        let d = try Self.design(yaml, "id,mois\na,1\n")
        #expect(throws: SpecError.self) { _ = try d.scores(weights: Matrix(rows: 1, columns: 1, columnMajor: [1.0 / 3])) }
    }
}
