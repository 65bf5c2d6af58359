/// Category labels, sampling weights and fixed model constants for the
/// synthetic water households (``WaterHouseholdGenerator``).
///
/// As in ``HousingSchema``: labels are `StaticString`s chosen by `switch`,
/// weights are SIMD vectors of *cumulative* per-mille thresholds, and
/// everything is ordered, so sampling is deterministic and allocation-free.
/// The numbers are documented in `Fixtures/water/README.md`.
enum WaterSchema {
    /// CSV header, in output order.
    static let columns: [String] = [
        "foyer_id", "commune", "type_compteur", "logement", "nb_personnes", "revenu_annuel",
        "decile_revenu", "qpv", "nationalite", "jardin", "piscine", "volume_m3_an", "besoin_m3_an",
        "zone_secheresse", "niveau_secheresse",
    ]

    static let headerBytes: [UInt8] = Array((columns.joined(separator: ",") + "\n").utf8)

    // MARK: communes — the 14 communes supplied by the Montpellier water régie (docs/domain.md §5)

    static let montpellier = 0, lattes = 1, juvignac = 2, villeneuve = 3, perols = 4, leCres = 5
    static let grabels = 6, jacou = 7, vendargues = 8, prades = 9, montferrier = 10, saintBres = 11
    static let sussargues = 12, murviel = 13

    /// Per mille, roughly proportional to population: 757, 43, 28, 25, 24, 24, 22, 17, 17, 14, 9, 8, 7, 5.
    static var communeCumulative: SIMD16<Int32> {
        [757, 800, 828, 853, 877, 901, 923, 940, 957, 971, 980, 988, 995, 1000, 1000, 1000]
    }

    static func commune(_ i: Int) -> StaticString {
        switch i {
        case 0: "Montpellier"
        case 1: "Lattes"
        case 2: "Juvignac"
        case 3: "Villeneuve-lès-Maguelone"
        case 4: "Pérols"
        case 5: "Le Crès"
        case 6: "Grabels"
        case 7: "Jacou"
        case 8: "Vendargues"
        case 9: "Prades-le-Lez"
        case 10: "Montferrier-sur-Lez"
        case 11: "Saint-Brès"
        case 12: "Sussargues"
        default: "Murviel-lès-Montpellier"
        }
    }

    /// Share of Montpellier households living in the western districts
    /// (Mosson basin), which fall in the `mosson` drought zone.
    static let montpellierWestShare = 0.25

    /// Income multiplier of a commune's non-QPV households (1 = metropolitan median).
    static func communeIncomeFactor(_ i: Int) -> Double {
        switch i {
        case montpellier: 0.95
        case montferrier: 1.35
        case lattes: 1.20
        case prades, grabels, jacou, leCres, murviel, sussargues: 1.15
        default: 1.10  // Juvignac, Villeneuve, Pérols, Vendargues, Saint-Brès
        }
    }

    /// Base probability that a non-QPV household of the commune lives in a house.
    static func communeHouseShare(_ i: Int) -> Double {
        switch i {
        case montpellier: 0.11
        case montferrier, prades, saintBres, sussargues, murviel: 0.78
        default: 0.55
        }
    }

    // MARK: drought zones (illustrative; named after local catchments)

    static let zoneLez = 0, zoneMosson = 1, zoneEtangs = 2, zoneBerange = 3

    static func zone(commune: Int, montpellierWest: Bool) -> Int {
        switch commune {
        case montpellier: montpellierWest ? zoneMosson : zoneLez
        case juvignac, grabels, murviel: zoneMosson
        case lattes, perols, villeneuve: zoneEtangs
        case vendargues, saintBres, sussargues: zoneBerange
        default: zoneLez  // Jacou, Le Crès, Prades-le-Lez, Montferrier-sur-Lez
        }
    }

    static func zoneName(_ z: Int) -> StaticString {
        switch z {
        case 0: "lez"
        case 1: "mosson"
        case 2: "etangs"
        default: "berange"
        }
    }

    /// The (fixed, illustrative) drought level of each zone.
    static func zoneLevel(_ z: Int) -> StaticString {
        switch z {
        case 0: "vigilance"
        case 1: "crise"
        case 2: "alerte_renforcee"
        default: "alerte"
        }
    }

    // MARK: nationalite — FR / UE / hors_UE

    static let fr = 0, ue = 1, horsUE = 2
    /// QPV residents: 70 / 3 / 27 %.
    static var nationaliteQPV: SIMD4<Int32> { [700, 730, 1000, 1000] }
    /// Montpellier outside QPV: 88 / 4 / 8 %.
    static var nationaliteCity: SIMD4<Int32> { [880, 920, 1000, 1000] }
    /// Other communes: 94 / 3 / 3 %.
    static var nationaliteSuburb: SIMD4<Int32> { [940, 970, 1000, 1000] }

    static func nationalite(_ i: Int) -> StaticString {
        switch i {
        case 0: "FR"
        case 1: "UE"
        default: "hors_UE"
        }
    }

    static func nationaliteIncomeFactor(_ i: Int) -> Double {
        switch i {
        case fr: 1.0
        case ue: 0.95
        default: 0.78
        }
    }

    // MARK: nb_personnes — 1…6

    /// Montpellier outside QPV: 37 / 30 / 14 / 12 / 5 / 2 %.
    static var personsCity: SIMD8<Int32> { [370, 670, 810, 930, 980, 1000, 1000, 1000] }
    /// QPV: 30 / 22 / 16 / 16 / 10 / 6 %.
    static var personsQPV: SIMD8<Int32> { [300, 520, 680, 840, 940, 1000, 1000, 1000] }
    /// Other communes: 28 / 33 / 16 / 15 / 5 / 3 %.
    static var personsSuburb: SIMD8<Int32> { [280, 610, 770, 920, 970, 1000, 1000, 1000] }

    /// INSEE-style consumption units without ages: 1 for the first person,
    /// 0.5 for the second, 0.3 for each further person (treated as children).
    static func consumptionUnits(_ persons: Int) -> Double {
        switch persons {
        case 1: 1.0
        case 2: 1.5
        default: 1.5 + 0.3 * Double(persons - 2)
        }
    }

    // MARK: income model

    /// Median income per consumption unit (€/year) before multipliers.
    static let medianIncomePerUnit = 21_500.0
    /// Log-scale standard deviation of income per consumption unit.
    static let incomeSigma = 0.55
    /// Income multiplier for QPV residents (replaces the commune factor).
    static let qpvIncomeFactor = 0.55
    /// Income multiplier for Montpellier's western districts outside QPV (replaces the commune factor).
    static let montpellierWestIncomeFactor = 0.85
    /// Floor on household income (€/year).
    static let incomeFloor = 4_000.0

    /// Fixed decile cut points of `revenu_annuel / consumptionUnits(nb_personnes)`
    /// (€ per consumption unit per year): decile = 1 + number of cut points ≤ value.
    /// They are the deciles of the income model itself, computed once on
    /// 1 000 000 rows (seed 1) and rounded to 10 €, so that the generator can
    /// stream without looking at the data.
    static let decileCuts: [Double] = [
        8_560, 11_330, 13_820, 16_340, 19_070, 22_220, 26_180, 31_560, 40_860,
    ]

    @inline(__always)
    static func decile(incomePerUnit x: Double) -> Int {
        var d = 1
        for c in decileCuts where x >= c { d += 1 }
        return d
    }

    // MARK: dwelling and uses

    /// P(piscine | house) by income decile 1…10.
    static func poolShare(decile: Int) -> Double {
        switch decile {
        case 1: 0.02
        case 2: 0.03
        case 3: 0.04
        case 4: 0.05
        case 5: 0.07
        case 6: 0.09
        case 7: 0.12
        case 8: 0.16
        case 9: 0.22
        default: 0.32
        }
    }

    /// P(jardin | house, no pool).
    static let gardenShare = 0.82

    /// P(individual meter | apartment): QPV (social housing) vs elsewhere, where
    /// individualisation rises with income.
    static let apartmentIndividualQPV = 0.02
    static func apartmentIndividual(decile: Int) -> Double { 0.04 + 0.01 * Double(decile) }

    // MARK: volume model

    /// Median annual volume of a one-person household in a house, m³ (≈ 148 L/day).
    static let baseVolume = 54.0
    /// Apartment households use less (no outdoor use, smaller appliances).
    static let apartmentFactor = 0.85
    /// Garden watering uplift.
    static let gardenFactor = 1.30
    /// Median extra volume for a pool (fill top-ups, evaporation), m³/year.
    static let poolVolume = 35.0
    /// Income elasticity of volume.
    static let incomeElasticity = 0.10
    /// Log-scale standard deviation of household volume.
    static let volumeSigma = 0.40
    /// Share of zero volumes (vacant or newly connected dwellings).
    static let zeroVolumeShare = 0.005
    /// Essential-needs volume, m³ per person per year (illustrative: ≈ 68 L/day,
    /// inside the 50–100 L/person/day basic-needs range quoted by WHO/OHCHR).
    static let essentialPerPerson = 25
}
