import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

@Suite("PointsGridYAML")
struct PointsGridYAMLTests {
    static let base = """
    name: test grid
    role: "aide à la décision"
    id: demande_id
    criteria:
      - name: dalo
        label_fr: Reconnu DALO
        label_en: DALO priority
        column: dalo
        flag: 50
      - name: refus
        column: refus_offre
        flag: -20
        true_values: [O, Y]
        missing: 0
      - name: situation
        column: situation_logement
        categories: {sans_abri: 30, hotel: 15}
      - name: anciennete
        column: anciennete_mois
        per_unit: 0.5
        cap: 30
      - name: effort
        column: taux_effort
        bands:
          - {from: 0.3, to: 0.4, points: 10}
          - {from: 0.4, points: 20}
          - {to: 0.05, points: -5}
    """

    @Test func parsesEveryCriterionKind() throws {
        let grid = try PointsGrid(yaml: Self.base + "\ntie_break: [anciennete_mois desc, demande_id asc]\n", file: "g.yaml")
        #expect(grid.name == "test grid")
        #expect(grid.role == "aide à la décision")
        #expect(grid.idColumn == "demande_id")
        #expect(grid.criteria.map(\.name) == ["dalo", "refus", "situation", "anciennete", "effort"])
        #expect(grid.criteria[0].kind == .flag(points: 50, trueValues: ["oui", "1", "true"]))
        #expect(grid.criteria[0].labelFR == "Reconnu DALO" && grid.criteria[0].labelEN == "DALO priority")
        #expect(!grid.criteria[0].missingIsZero)
        #expect(grid.criteria[1].kind == .flag(points: -20, trueValues: ["O", "Y"]))
        #expect(grid.criteria[1].missingIsZero)
        #expect(grid.criteria[2].kind == .category(levels: [GridCategoryLevel(value: "sans_abri", points: 30), GridCategoryLevel(value: "hotel", points: 15)]))
        #expect(grid.criteria[3].kind == .perUnit(pointsPerUnit: 0.5, cap: 30))
        #expect(grid.criteria[3].features == [GridFeature(definition: .units(capUnits: 60), weight: 0.5)])
        #expect(grid.criteria[4].kind == .bands([GridBand(from: 0.3, to: 0.4, points: 10), GridBand(from: 0.4, points: 20), GridBand(to: 0.05, points: -5)]))
        #expect(grid.tieBreak == [GridTieBreakKey(column: "anciennete_mois", descending: true), GridTieBreakKey(column: "demande_id", descending: false)])
        #expect(grid.allocation == nil && grid.exclusiveGroups.isEmpty && grid.minimumScore == nil)
        // Points straight from the definitions.
        #expect(grid.criteria[3].points(forRawValue: "100") == 30)
        #expect(grid.criteria[3].points(forRawValue: "7") == 3.5)
        #expect(grid.criteria[4].points(forRawValue: "0.4") == 20)
        #expect(grid.criteria[4].points(forRawValue: "0.04") == -5)
        #expect(grid.criteria[4].points(forRawValue: "0.2") == 0)
        #expect(grid.criteria[2].points(forRawValue: "locataire") == 0)
        #expect(grid.criteria[1].points(forRawValue: nil) == 0)
        #expect(grid.criteria[0].points(forRawValue: nil) == nil)
    }

    @Test func parsesGroupsAllocationAndData() throws {
        let yaml = Self.base + """

        minimum_score: 0
        exclusive_groups:
          - name: urgence
            criteria: [dalo, situation]
        allocation:
          rule: proposals
          per_unit: 2
          segment_by: [typologie, commune]
          capacity:
            default: 1
            segments:
              - {typologie: T3, commune: Lattes, k: 4}
        data:
          dalo: {source: "décision COMED"}
          taux_effort: {source: calculé, description: loyer / revenus}
        """
        let grid = try PointsGrid(yaml: yaml)
        #expect(grid.exclusiveGroups == [GridExclusiveGroup(name: "urgence", members: [0, 2])])
        #expect(grid.groupOfCriterion == [0, nil, 0, nil, nil])
        #expect(grid.minimumScore == 0)
        #expect(grid.segmentBy == ["typologie", "commune"])
        #expect(grid.allocation == .proposals(.declared([GridSegmentCapacity(segment: ["T3", "Lattes"], k: 4)], default: 1), perUnit: 2))
        #expect(grid.dataSources == [GridDataSource(column: "dalo", source: "décision COMED"),
                                     GridDataSource(column: "taux_effort", source: "calculé", description: "loyer / revenus")])
        #expect(grid.tieBreak == [GridTieBreakKey(column: "demande_id", descending: false)])

        let threshold = try PointsGrid(yaml: Self.base + "\nallocation: {rule: threshold, threshold: 91}\n")
        #expect(threshold.allocation == .threshold(91))
        let fromData = try PointsGrid(yaml: Self.base + "\nallocation: {rule: capacity, segment_by: [typologie], capacity: {from_data: attribue}}\n")
        #expect(fromData.allocation == .capacity(.fromData(column: "attribue")))
        let proposals = try PointsGrid(yaml: Self.base + "\nallocation: {rule: proposals, capacity: {from_data: attribue}}\n")
        #expect(proposals.allocation == .proposals(.fromData(column: "attribue"), perUnit: 3))
    }

    @Test func parsesTheCommittedGrids() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        #expect(grid.criteria.count == 14)
        #expect(grid.exclusiveGroups.count == 1)
        #expect(grid.allocation == .capacity(.fromData(column: "attribue")))
        #expect(grid.criteria.allSatisfy { $0.labelFR != nil && $0.labelEN != nil })
        #expect(grid.role?.contains("CALEOL") == true)
        #expect(grid.dataSources.count == 17)
        #expect(grid.dates == GridDateColumns(application: "date_depot", allocation: "date_attribution"))
        let alternative = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid-alternative.yaml"))
        #expect(alternative.criteria.count == 13)
        #expect(alternative.criterionIndex(named: "lien_commune") == nil)
    }

    /// Each invalid grid: the message, the line and the column of the offending node.
    @Test(arguments: [
        // unknown key (line 8 = `colour:`)
        ("name: g\nid: i\ncriteria:\n  - name: a\n    column: a\n    flag: 1\n  - name: b\n    colour: b\n    flag: 1\n", 8, 5, "unknown key"),
        ("name: g\nid: i\nthreshold: 3\ncriteria:\n  - {name: a, column: a, flag: 1}\n", 3, 1, "unknown key"),
        // overlapping bands: the second band (line 7)
        ("name: g\nid: i\ncriteria:\n  - name: e\n    column: e\n    bands:\n      - {from: 0, to: 10, points: 1}\n      - {from: 5, to: 20, points: 2}\n", 8, 9, "overlaps band 1"),
        ("name: g\nid: i\ncriteria:\n  - name: e\n    column: e\n    bands:\n      - {from: 3, to: 3, points: 1}\n", 7, 9, "from < to"),
        // cap not positive
        ("name: g\nid: i\ncriteria:\n  - name: a\n    column: a\n    per_unit: 1\n    cap: 0\n", 7, 5, "positive cap"),
        ("name: g\nid: i\ncriteria:\n  - name: a\n    column: a\n    per_unit: 1\n    cap: -5\n", 7, 5, "positive cap"),
        // unknown criterion in an exclusive group
        ("name: g\nid: i\ncriteria:\n  - {name: a, column: a, flag: 1}\n  - {name: b, column: b, flag: 1}\nexclusive_groups:\n  - name: x\n    criteria: [a, c]\n", 8, 19, "unknown criterion 'c'"),
        // a criterion in two groups
        ("name: g\nid: i\ncriteria:\n  - {name: a, column: a, flag: 1}\n  - {name: b, column: b, flag: 1}\n  - {name: c, column: c, flag: 1}\nexclusive_groups:\n  - {name: x, criteria: [a, b]}\n  - {name: y, criteria: [c, a]}\n", 9, 29, "also in exclusive group 1"),
        // empty grid
        ("name: g\nid: i\ncriteria: []\n", 3, 1, "empty grid"),
        ("name: g\nid: i\n", 1, 1, "empty grid"),
        // two kinds, no kind
        ("name: g\nid: i\ncriteria:\n  - name: a\n    column: a\n    flag: 1\n    per_unit: 2\n", 7, 15, "one kind"),
        ("name: g\nid: i\ncriteria:\n  - name: a\n    column: a\n", 4, 5, "has no points"),
        // tie-break must end with the id
        ("name: g\nid: i\ncriteria:\n  - {name: a, column: a, flag: 1}\ntie_break: [a desc]\n", 5, 1, "last tie-break key"),
        ("name: g\nid: i\ncriteria:\n  - {name: a, column: a, flag: 1}\nallocation: {rule: lottery}\n", 5, 20, "threshold, capacity or proposals"),
        ("name: g\nid: i\ncriteria:\n  - {name: a, column: a, flag: 1}\n  - {name: a, column: b, flag: 2}\n", 5, 6, "declared twice"),
    ] as [(String, Int?, Int?, String)])
    func errorsNameLineAndColumn(yaml: String, line: Int?, column: Int?, message: String) {
        do {
            _ = try PointsGrid(yaml: yaml, file: "bad.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(line.map { "bad.yaml:\($0):" } ?? "bad.yaml: "), "\(error)")
        }
    }
}
