import Foundation

/// Deterministic generator of synthetic households served by the Montpellier
/// water régie (14 communes), with their meter type, income, annual water
/// volume, an essential-needs volume and the drought level of their zone.
///
/// The data are **entirely synthetic**. The structure follows docs/domain.md §5
/// and §7.2 and contains deliberately planted inequalities (documented with
/// measured values in `Fixtures/water/README.md`):
///
/// * collective meters (apartment buildings, attributed here per household)
///   serve poorer households and most QPV residents, and the 2023 tariff
///   gives them no free band, so they pay more per m³;
/// * large low-income families exceed the 120 m³ cheap block;
/// * pools (houses only) concentrate in the top income deciles;
/// * the zone in drought crisis (`mosson`) is poorer than the others.
///
/// Output is fully reproducible: each row is drawn from its own
/// ``SplitMix64`` stream seeded from `(seed, rowIndex)`, so the same seed
/// always gives byte-identical files, and the first *k* rows of an *N*-row
/// file equal a *k*-row file. Rows are streamed through a 1 MiB buffer, so
/// memory stays flat whatever the row count.
public struct WaterHouseholdGenerator: Sendable, SyntheticCSVGenerator {
    /// The seed that, together with the row index, determines every value.
    public let seed: UInt64

    /// The CSV column names, in output order.
    public static let columns: [String] = WaterSchema.columns

    /// The fixed cut points (€ per consumption unit per year) that define
    /// `decile_revenu`; see `Fixtures/water/README.md`.
    public static let decileCutPoints: [Double] = WaterSchema.decileCuts

    /// Essential-needs volume written in `besoin_m3_an`, m³ per person per year (illustrative).
    public static let essentialVolumePerPerson: Int = WaterSchema.essentialPerPerson

    /// Consumption units used for `decile_revenu`: 1 + 0.5 for the second
    /// person + 0.3 for each further person.
    public static func consumptionUnits(persons: Int) -> Double {
        WaterSchema.consumptionUnits(persons)
    }

    /// Creates a generator. Two generators with the same seed produce the same rows.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Writes a header and `rows` data rows to a new (or truncated) file at `url`.
    public func write(rows: Int, to url: URL) throws { try writeRows(rows, to: url) }

    /// Writes a header and `rows` data rows to an open handle (e.g. `FileHandle.standardOutput`); the handle is not closed.
    public func write(rows: Int, to handle: FileHandle) throws { try writeRows(rows, to: handle) }

    /// The header line (`SyntheticCSVGenerator`).
    static var headerBytes: [UInt8] { WaterSchema.headerBytes }

    /// Appends data row `index` (`SyntheticCSVGenerator`).
    func encodeRow(_ index: Int, into out: inout CSVByteBuffer) {
        household(at: index).encode(index: index, into: &out)
    }

    /// The independent random stream for row `index` (a different salt from
    /// the housing generator, so the two data sets are not correlated).
    @inline(__always)
    func rowGenerator(_ index: Int) -> SplitMix64 {
        SplitMix64(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(truncatingIfNeeded: index) &+ 0x5745_4154_4552_2023)))
    }

    /// Generates the household in row `index` (0-based). Pure function of `(seed, index)`.
    func household(at index: Int) -> WaterHousehold {
        typealias S = WaterSchema
        var r = rowGenerator(index)
        var h = WaterHousehold()

        // Where: commune, then (Montpellier only) east/west, which sets the zone.
        h.commune = r.pick(S.communeCumulative)
        let isCity = h.commune == S.montpellier
        let west = isCity && r.bernoulli(S.montpellierWestShare)
        h.zone = S.zone(commune: h.commune, montpellierWest: west)

        // QPV: only in Montpellier, concentrated in the west (La Paillade / Mosson).
        h.qpv = isCity && r.bernoulli(west ? 0.50 : 0.12)

        h.nationalite = r.pick(h.qpv ? S.nationaliteQPV : (isCity ? S.nationaliteCity : S.nationaliteSuburb))
        h.persons = 1 + r.pick(h.qpv ? S.personsQPV : (isCity ? S.personsCity : S.personsSuburb))

        // Income: lognormal per consumption unit, times the household's units.
        let place = h.qpv ? S.qpvIncomeFactor : (west ? S.montpellierWestIncomeFactor : S.communeIncomeFactor(h.commune))
        let units = S.consumptionUnits(h.persons)
        let perUnit = S.medianIncomePerUnit * place * S.nationaliteIncomeFactor(h.nationalite)
            * _exp(S.incomeSigma * r.nextNormal())
        h.revenu = Int(max(S.incomeFloor, perUnit * units).rounded())
        h.decile = S.decile(incomePerUnit: Double(h.revenu) / units)

        // Dwelling: houses are suburban, richer and larger; QPV is social housing.
        let houseP: Double
        if h.qpv {
            houseP = 0.01
        } else {
            houseP = min(0.97, S.communeHouseShare(h.commune) * (0.55 + 0.1 * Double(h.decile)) * (h.persons >= 3 ? 1.3 : 1.0))
        }
        h.maison = r.bernoulli(houseP)

        // Meter: houses are individually metered; apartments mostly share a building meter.
        let individualP = h.maison ? 1.0 : (h.qpv ? S.apartmentIndividualQPV : S.apartmentIndividual(decile: h.decile))
        h.individuel = r.bernoulli(individualP)

        // Outdoor uses (houses only); a pool implies a garden.
        h.piscine = h.maison && r.bernoulli(S.poolShare(decile: h.decile))
        h.jardin = h.maison && (h.piscine || r.bernoulli(S.gardenShare))

        // Volume: 54 m³ × √persons, lognormal noise, income elasticity, garden and pool uplift.
        let zVolume = r.nextNormal()
        let zPool = r.nextNormal()
        let vacant = r.bernoulli(S.zeroVolumeShare)
        if vacant {
            h.volumeTenths = 0
        } else {
            var v = S.baseVolume * Double(h.persons).squareRoot()
            if !h.maison { v *= S.apartmentFactor }
            v *= _pow(Double(h.revenu) / units / S.medianIncomePerUnit, S.incomeElasticity)
            v *= _exp(S.volumeSigma * zVolume)
            if h.jardin { v *= S.gardenFactor }
            if h.piscine { v += S.poolVolume * _exp(0.3 * zPool) }
            h.volumeTenths = max(1, Int((v * 10).rounded()))
        }
        return h
    }
}

@usableFromInline func _pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

/// One synthetic household, with categorical fields stored as schema indices.
struct WaterHousehold {
    var commune = 0
    var zone = 0
    var qpv = false
    var nationalite = 0
    var persons = 1
    /// Annual income, whole euros.
    var revenu = 0
    var decile = 1
    var maison = false
    var individuel = false
    var jardin = false
    var piscine = false
    /// Annual volume in tenths of m³.
    var volumeTenths = 0

    /// Appends this household as one CSV line (with trailing LF).
    @inline(__always)
    func encode(index: Int, into out: inout CSVByteBuffer) {
        typealias S = WaterSchema
        out.append("MTP-")
        out.append(unsigned: UInt64(index + 1), minDigits: 7)
        out.comma(); out.append(S.commune(commune))
        out.comma(); out.append(individuel ? "individuel" : "collectif")
        out.comma(); out.append(maison ? "maison" : "appartement")
        out.comma(); out.append(int: persons)
        out.comma(); out.append(int: revenu)
        out.comma(); out.append(int: decile)
        out.comma(); out.append(ouiNon: qpv)
        out.comma(); out.append(S.nationalite(nationalite))
        out.comma(); out.append(ouiNon: jardin)
        out.comma(); out.append(ouiNon: piscine)
        out.comma(); out.append(fixed: volumeTenths, decimals: 1)
        out.comma(); out.append(int: S.essentialPerPerson * persons)
        out.comma(); out.append(S.zoneName(zone))
        out.comma(); out.append(S.zoneLevel(zone))
        out.newline()
    }
}
