import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// Bills computed by hand for the committed tariffs, and YAML errors.
@Suite("WaterTariff")
struct WaterTariffTests {
    static let tol = 1e-9

    func tariff2023() throws -> WaterTariff {
        try WaterTariff(contentsOfFile: RepositoryPaths.fixture("water/tariff-2023.yaml"))
    }

    func alternative() throws -> WaterTariff {
        try WaterTariff(contentsOfFile: RepositoryPaths.fixture("water/tariff-alternative.yaml"))
    }

    // MARK: committed tariff 2023

    @Test func parsesTheCommitted2023Tariff() throws {
        let t = try tariff2023()
        #expect(t.name.hasPrefix("Montpellier 2023"))
        #expect(t.sanitation == 2.31)
        #expect(t.vat == 0.055)
        #expect(t.sanitationVAT == 0)
        let ind = try #require(t.meters[.individuel])
        #expect(ind.subscription == 18)
        #expect(ind.blocks == [
            TariffBlock(upTo: 15, price: 0), TariffBlock(upTo: 120, price: 0.95),
            TariffBlock(upTo: 240, price: 1.40), TariffBlock(price: 2.70),
        ])
        let col = try #require(t.meters[.collectif])
        #expect(col.blocks == [TariffBlock(price: 1.16)])
        #expect(col.subscription == 1.78)
    }

    @Test func familyOfFourOnAnIndividualMeter() throws {
        // 90 m³: 0 × 15 + 0.95 × 75 = 71.25 € water; + 18 subscription; sanitation 2.31 × 90;
        // VAT 5.5 % on water + subscription.
        let b = try tariff2023().bill(volume: 90, meter: .individuel, persons: 4)
        #expect(abs(b.water - 71.25) < Self.tol)
        #expect(b.freeVolume == 15)
        #expect(b.subscription == 18)
        #expect(abs(b.sanitation - 207.9) < Self.tol)
        #expect(abs(b.vat - 0.055 * (71.25 + 18)) < Self.tol)
        #expect(abs(b.totalBeforeVAT - (71.25 + 207.9 + 18)) < Self.tol)
        #expect(abs(b.total - 302.05875) < Self.tol)
        #expect(abs(b.waterPricePerCubicMetre! - 71.25 / 90) < Self.tol)
        #expect(abs(b.effortRate(income: 30_000)! - 302.05875 / 30_000) < Self.tol)
        #expect(b.effortRate(income: 0) == nil)
    }

    @Test(arguments: [
        // (volume, expected water € HT, expected free m³) on an individual meter
        (0.0, 0.0, 0.0),
        (10.0, 0.0, 10.0),
        (15.0, 0.0, 15.0),                       // boundary: the whole free band, nothing paid
        (15.5, 0.95 * 0.5, 15.0),
        (120.0, 0.95 * 105, 15.0),               // boundary: 99.75
        (121.0, 0.95 * 105 + 1.40, 15.0),
        (240.0, 0.95 * 105 + 1.40 * 120, 15.0),  // boundary: 267.75
        (300.0, 267.75 + 2.70 * 60, 15.0),       // 429.75
    ])
    func individualBlocks(volume: Double, water: Double, free: Double) throws {
        let b = try tariff2023().bill(volume: volume, meter: .individuel, persons: 2)
        #expect(abs(b.water - water) < Self.tol, "V = \(volume)")
        #expect(abs(b.freeVolume - free) < Self.tol, "V = \(volume)")
        #expect(b.subscription == 18)
        #expect(abs(b.total - (b.water + 2.31 * volume + 18 + 0.055 * (b.water + 18))) < Self.tol)
    }

    @Test func blockBoundariesAreContinuous() throws {
        let t = try tariff2023()
        for edge in [15.0, 120, 240] {
            let below = t.bill(volume: edge - 1e-7, meter: .individuel, persons: 1).water
            let at = t.bill(volume: edge, meter: .individuel, persons: 1).water
            let above = t.bill(volume: edge + 1e-7, meter: .individuel, persons: 1).water
            #expect(below <= at && at <= above)
            #expect(above - below < 1e-6)
        }
        #expect(t.bill(volume: 120, meter: .individuel, persons: 1).water == 0.95 * 105)
        #expect(t.bill(volume: 240, meter: .individuel, persons: 1).water == 0.95 * 105 + 1.40 * 120)
    }

    @Test(arguments: [0.0, 15, 90, 120, 250])
    func collectiveIsFlatWithoutFreeBand(volume: Double) throws {
        let b = try tariff2023().bill(volume: volume, meter: .collectif, persons: 3)
        #expect(abs(b.water - 1.16 * volume) < Self.tol)
        #expect(b.freeVolume == 0)
        #expect(b.subscription == 1.78)
        #expect(abs(b.total - (1.16 * volume + 2.31 * volume + 1.78 + 0.055 * (1.16 * volume + 1.78))) < Self.tol)
    }

    @Test func collectivePaysMorePerCubicMetreAtEqualVolume() throws {
        let t = try tariff2023()
        for v in [30.0, 60, 90, 120] {
            let ind = t.bill(volume: v, meter: .individuel, persons: 2).waterPricePerCubicMetre!
            let col = t.bill(volume: v, meter: .collectif, persons: 2).waterPricePerCubicMetre!
            #expect(col > ind, "V = \(v)")
        }
        #expect(t.bill(volume: 0, meter: .collectif, persons: 2).waterPricePerCubicMetre == nil)
    }

    @Test func negativeOrNonFiniteVolumesCountAsZero() throws {
        let t = try tariff2023()
        for v in [-5.0, .nan, -.infinity] {
            let b = t.bill(volume: v, meter: .individuel, persons: 1)
            #expect(b.volume == 0 && b.water == 0 && b.sanitation == 0 && b.subscription == 18)
        }
    }

    // MARK: per-person bounds (alternative tariff)

    @Test func alternativeGivesThreeCubicMetresPerPerson() throws {
        let t = try alternative()
        // Individual, 4 persons, 90 m³: 12 free, 78 × 0.86.
        let a = t.bill(volume: 90, meter: .individuel, persons: 4)
        #expect(a.freeVolume == 12)
        #expect(abs(a.water - 78 * 0.86) < Self.tol)
        // Collective, 2 persons, 60 m³: 6 free, 54 × 1.29.
        let c = t.bill(volume: 60, meter: .collectif, persons: 2)
        #expect(c.freeVolume == 6)
        #expect(abs(c.water - 54 * 1.29) < Self.tol)
        // Below the free band: nothing to pay.
        #expect(t.bill(volume: 5, meter: .collectif, persons: 2).water == 0)
        // Individual, 2 persons, 130 m³: 6 free, 114 × 0.86, 10 × 1.40.
        #expect(abs(t.bill(volume: 130, meter: .individuel, persons: 2).water - (114 * 0.86 + 10 * 1.40)) < Self.tol)
    }

    @Test func perPersonBoundOvertakingAFixedBoundEmptiesTheBlock() throws {
        // 41 persons: free up to 123 m³ > 120, so the 0.86 block is empty.
        let b = try alternative().bill(volume: 130, meter: .individuel, persons: 41)
        #expect(b.freeVolume == 123)
        #expect(abs(b.water - 7 * 1.40) < Self.tol)
    }

    @Test func mixedFixedAndPerPersonBound() throws {
        let t = try WaterTariff(yaml: """
            name: mixed
            meters:
              individuel:
                subscription: 0
                blocks:
                  - {up_to: 10, up_to_per_person: 5, price: 0}
                  - {price: 2}
              collectif:
                subscription: 0
                blocks: [{price: 1}]
            """)
        let b = t.bill(volume: 40, meter: .individuel, persons: 3)  // free up to 25
        #expect(b.freeVolume == 25 && b.water == 30)
        #expect(b.sanitation == 0 && b.vat == 0 && b.total == 30)
    }

    @Test func sanitationVATIsApplied() throws {
        let t = try WaterTariff(yaml: """
            name: with sanitation VAT
            meters:
              individuel: {subscription: 10, blocks: [{price: 1}]}
              collectif: {subscription: 10, blocks: [{price: 1}]}
            sanitation: 2
            vat: 0.1
            sanitation_vat: 0.2
            """)
        let b = t.bill(volume: 100, meter: .collectif, persons: 1)
        #expect(abs(b.vat - (0.1 * 110 + 0.2 * 200)) < Self.tol)
        #expect(abs(b.total - (100 + 200 + 10 + 51)) < Self.tol)
    }

    @Test func programmaticInitValidates() throws {
        let grid = MeterTariff(blocks: [TariffBlock(price: 1)], subscription: 0)
        let ok = try WaterTariff(name: "x", meters: [.individuel: grid, .collectif: grid])
        #expect(ok.bill(volume: 3, meter: .individuel, persons: 1).water == 3)
        #expect(throws: SpecError.self) { try WaterTariff(name: "x", meters: [.individuel: grid]) }
        #expect(throws: SpecError.self) { try WaterTariff(name: " ", meters: [.individuel: grid, .collectif: grid]) }
        #expect(throws: SpecError.self) { try WaterTariff(name: "x", meters: [.individuel: grid, .collectif: grid], vat: 1.5) }
    }

    // MARK: YAML errors

    /// The error raised by parsing `yaml`, or a test failure.
    func failure(_ yaml: String) -> SpecError? {
        do {
            _ = try WaterTariff(yaml: yaml, file: "t.yaml")
            Issue.record("expected an error")
            return nil
        } catch {
            return error
        }
    }

    static let valid = """
        name: test
        meters:
          individuel:
            subscription: 18
            blocks:
              - {up_to: 15, price: 0}
              - {up_to: 120, price: 0.95}
              - {price: 1.40}
          collectif:
            subscription: 2
            blocks:
              - {price: 1.16}
        """

    @Test func validTemplateParses() throws {
        let t = try WaterTariff(yaml: Self.valid)
        #expect(t.meters.count == 2)
    }

    @Test func unknownTopKeyNamesLine() throws {
        let e = try #require(failure(Self.valid + "\nprix: 3\n"))
        #expect(e.file == "t.yaml")
        #expect(e.line == 13)
        #expect(e.key == "prix")
        #expect(e.message.contains("unknown key"))
        #expect(e.description.hasPrefix("t.yaml:13:1: prix: unknown key"))
    }

    @Test func unknownBlockKeyNamesLine() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "{up_to: 120, price: 0.95}", with: "{upto: 120, price: 0.95}")))
        #expect(e.line == 7)
        #expect(e.key == "meters.individuel.blocks[2].upto")
    }

    @Test func unknownMeterTypeIsRefused() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "  collectif:", with: "  collective:")))
        #expect(e.line == 9)
        #expect(e.key == "meters.collective")
        #expect(e.message.contains("individuel, collectif"))
    }

    @Test func unsortedBlocksNameLine() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "{up_to: 120, price: 0.95}", with: "{up_to: 10, price: 0.95}")))
        #expect(e.line == 7)
        #expect(e.key == "meters.individuel.blocks[2].up_to")
        #expect(e.message.contains("not sorted"))
    }

    @Test func overlappingBlocksNameLine() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "{up_to: 120, price: 0.95}", with: "{up_to: 15, price: 0.95}")))
        #expect(e.line == 7)
        #expect(e.message.contains("overlap"))
    }

    @Test func negativePriceNamesLine() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "{price: 1.16}", with: "{price: -1.16}")))
        #expect(e.line == 12)
        #expect(e.key == "meters.collectif.blocks[1].price")
        #expect(e.message.contains("≥ 0"))
    }

    @Test func lastBlockMustBeOpenEnded() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "- {price: 1.40}", with: "- {up_to: 240, price: 1.40}")))
        #expect(e.line == 8)
        #expect(e.key == "meters.individuel.blocks[3]")
        #expect(e.message.contains("open-ended"))
    }

    @Test func openEndedBlockMustBeLast() throws {
        let e = try #require(failure(Self.valid.replacingOccurrences(of: "{up_to: 120, price: 0.95}", with: "{price: 0.95}")))
        #expect(e.line == 7)
        #expect(e.message.contains("only the last block"))
    }

    @Test func missingMeterTypeNamesMetersLine() throws {
        let text = Self.valid.components(separatedBy: "\n").prefix(8).joined(separator: "\n")
        let e = try #require(failure(text))
        #expect(e.line == 2)
        #expect(e.key == "meters")
        #expect(e.message.contains("collectif"))
    }

    @Test func otherErrors() throws {
        let cases: [(String, String, Int?)] = [
            (Self.valid.replacingOccurrences(of: "name: test", with: "# no name"), "name", 2),  // the root mapping starts on line 2
            (Self.valid.replacingOccurrences(of: "subscription: 2", with: "subscription: deux"), "meters.collectif.subscription", 10),
            (Self.valid.replacingOccurrences(of: "    subscription: 2\n", with: ""), "meters.collectif.subscription", 10),
            (Self.valid.replacingOccurrences(of: "{price: 1.16}", with: "{up_to: 3}"), "meters.collectif.blocks[1].price", 12),
            (Self.valid + "\nvat: 1.2\n", "vat", 13),
            (Self.valid + "\nsanitation: -2\n", "sanitation", 13),
            (Self.valid + "\nname: again\n", "name", 1),  // Yams reports the mapping's first line
            ("name: x\nmeters: {individuel: {blocks: [{price: 1}], subscription: 0}\n", "tariff", 3),
            (Self.valid.replacingOccurrences(of: "{up_to: 15, price: 0}", with: "{up_to: 0, price: 0}"), "meters.individuel.blocks[1].up_to", 6),
            ("name: [unclosed", "tariff", 2),
            ("", "tariff", nil),
            ("- a\n- b\n", "root", 1),
        ]
        for (yaml, key, line) in cases {
            guard let e = failure(yaml) else { continue }
            #expect(e.key == key, "\(e)")
            #expect(e.line == line, "\(e)")
            #expect(e.file == "t.yaml")
        }
    }

    @Test func unreadableFileIsAnError() {
        #expect(throws: SpecError.self) { try WaterTariff(contentsOfFile: "/nonexistent/tariff.yaml") }
    }
}
