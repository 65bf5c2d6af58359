@testable import AuditData
import Foundation
import Testing

@Suite final class DataLoaderTests {
    let files = TempFiles()

    func spec(_ path: String, protected: [ProtectedAttributeSpec], weight: String? = nil, csv: CSVDialect = CSVDialect()) -> DataSpec {
        DataSpec(path: path, csv: csv, protected: protected, label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d"), weight: weight)
    }

    @Test func missingProtectedValuesFormAnUnknownGroupAndGroupsAreSorted() throws {
        let path = files.write("d.csv", "sex,y,d\nM,1,0\n,0,1\nF,oui,non\nNA,true,false\nM,yes,no\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "sex")]))
        let sex = store.attributes[0]
        #expect(sex.groups == ["F", "M", "unknown"])
        #expect(sex.codes == [1, 2, 0, 2, 1])
        #expect(sex.unknownCode == 2)
        #expect(store.label == [1, 0, 1, 1, 1])
        #expect(store.decision == [0, 1, 0, 0, 0])
    }

    /// Issue 11, point 5: a value literally `unknown` is never merged with the missing values
    /// (30 literal + 40 missing rows used to become one group of 70 without a word).
    @Test func literalUnknownIsNotMergedWithMissingValues() throws {
        let path = files.write("d.csv", "sex,y,d\nunknown,1,0\n,0,1\nF,1,1\nunknown,0,0\nNA,1,1\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "sex")]))
        let sex = store.attributes[0]
        #expect(sex.groups == ["F", "unknown", "unknown (missing)"])
        #expect(sex.codes == [1, 2, 0, 1, 2])
        #expect(sex.unknownCode == 2)
        #expect(store.warnings.map(\.description).contains { $0.contains("2 rows have the value 'unknown'") && $0.contains("2 rows with no value form the group 'unknown (missing)'") }, "\(store.warnings)")
        // Without missing values the literal value is a category of its own, said so.
        let literalOnly = files.write("e.csv", "sex,y,d\nunknown,1,0\nF,1,1\n")
        let other = try DataLoader.load(spec(literalOnly, protected: [ProtectedAttributeSpec(column: "sex")]))
        #expect(other.attributes[0].groups == ["F", "unknown"])
        #expect(other.attributes[0].unknownCode == nil)
        #expect(other.warnings.map(\.description).contains { $0.contains("category of its own") })
    }

    @Test func numericLabelsSortNumerically() throws {
        let path = files.write("d.csv", "decile,y,d\n10,1,0\n2,0,1\n1,1,1\n9,0,0\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "decile")]))
        #expect(store.attributes[0].groups == ["1", "2", "9", "10"])
        #expect(store.attributes[0].codes == [3, 1, 0, 2])
    }

    @Test func mappingMergesRawValues() throws {
        let path = files.write("d.csv", "nat,y,d\nFR,1,0\nUE,0,1\nEU,1,1\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "nat", mapping: ["UE": "EU"])]))
        #expect(store.attributes[0].groups == ["EU", "FR"])
        #expect(store.attributes[0].codes == [1, 0, 0])
    }

    @Test func bandsAreHalfOpen() throws {
        let path = files.write("d.csv", "age,y,d\n17,1,0\n18,0,1\n25.9,1,1\n26,0,0\n70,1,1\n,0,0\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "age", binning: .bands([18, 26, 66]))]))
        let age = store.attributes[0]
        #expect(age.groups == ["<18", "[18,26)", "[26,66)", ">=66", "unknown"])
        #expect(age.codes == [0, 1, 1, 2, 3, 4])
    }

    /// Quantile bins match pandas.qcut(x, 4) (right-closed, type-7 cut points), computed by hand:
    /// x = 1…8 gives cut points 2.75, 4.5, 6.25.
    @Test func quantilesMatchPandasQcut() throws {
        let rows = (1...8).map { "\($0),1,0" }.joined(separator: "\n")
        let path = files.write("d.csv", "income,y,d\n\(rows)\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "income", binning: .quantiles(4))]))
        #expect(store.attributes[0].cutPoints == [2.75, 4.5, 6.25])
        #expect(store.attributes[0].codes == [0, 0, 1, 1, 2, 2, 3, 3])
        #expect(store.attributes[0].groups == ["Q1", "Q2", "Q3", "Q4"])
    }

    @Test func tiedQuantilesAreMergedWithAWarning() throws {
        let rows = ([1, 1, 1, 1, 1, 1, 2, 3]).map { "\($0),1,0" }.joined(separator: "\n")
        let path = files.write("d.csv", "income,y,d\n\(rows)\n")
        let store = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "income", binning: .quantiles(4))]))
        #expect(store.attributes[0].groups.count < 4)
        #expect(store.warnings.map(\.description).contains { $0.contains("tied values") })
    }

    @Test func weightsAndDecisionThresholdAndDeclaredPositive() throws {
        let path = files.write("d.csv", "g;y;d;w\nA;accordé;12,5;0,5\nB;refusé;9;2\n")
        var s = spec(path, protected: [ProtectedAttributeSpec(column: "g")], weight: "w", csv: CSVDialect(delimiter: nil, decimalComma: true))
        s.label = BinaryColumnSpec(column: "y", positive: "accordé")
        s.decision = BinaryColumnSpec(column: "d", threshold: 10)
        let store = try DataLoader.load(s)
        #expect(store.source.delimiter == ";")
        #expect(store.label == [1, 0])
        #expect(store.decision == [1, 0])
        #expect(store.weight == [0.5, 2])
    }

    /// Each bad value gives an error naming file, line, column and what was expected.
    @Test(arguments: [
        ("sex,y,d\nM,1,0\nF,maybe,1\n", 3, "y", "expected a yes/no label"),
        ("sex,y,d\nM,1,0\nF,1,\n", 3, "d", "missing decision"),
        ("sex,y,d,w\nM,1,0,1\nF,1,1,-2\n", 3, "w", "non-negative weight"),
        ("sex,y,d,w\nM,1,0,1\nF,1,1,heavy\n", 3, "w", "non-negative weight"),
    ] as [(String, Int, String, String)])
    func badValues(_ text: String, line: Int, column: String, message: String) {
        let path = files.write("bad.csv", text)
        let weighted = text.hasPrefix("sex,y,d,w")
        do {
            _ = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "sex")], weight: weighted ? "w" : nil))
            Issue.record("accepted \(text)")
        } catch let error as CSVError {
            #expect(error.file == path)
            #expect(error.line == line)
            #expect(error.columnName == column)
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func nonNumericValueToBand() {
        let path = files.write("bad.csv", "age,y,d\n30,1,0\nold,1,1\n")
        #expect {
            _ = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "age", binning: .bands([18]))]))
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == 3 && error.column == 1 && error.description.contains("expected a number")
        }
    }

    @Test func unknownColumnIsAnError() {
        let path = files.write("d.csv", "sex,y,d\nM,1,0\n")
        #expect(throws: CSVError.self) {
            _ = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "gender")]))
        }
    }

    @Test func duplicateColumnNamesUseTheFirstWithAWarning() throws {
        let path = files.write("d.csv", "s,y,d,s\nM,1,0,F\nF,0,1,M\n")
        let first = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "s")]))
        #expect(first.attributes[0].codes == [1, 0])
        #expect(first.warnings.count == 1)
        let second = try DataLoader.load(spec(path, protected: [ProtectedAttributeSpec(column: "s#2")]))
        #expect(second.attributes[0].codes == [0, 1])
        #expect(second.warnings.isEmpty)
    }
}
