import AuditData
import Foundation

/// The two kinds of drinking-water meter of the Montpellier régie (docs/domain.md §5).
/// Raw values are the labels of the `type_compteur` column.
public enum MeterType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// One meter per dwelling (mostly houses); gets the progressive grid with a free band.
    case individuel
    /// One meter for an apartment building, shared by its households.
    case collectif

    public static func < (a: MeterType, b: MeterType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One block (tranche) of a volumetric tariff: a price per m³ that applies
/// from the previous block's upper bound to this block's upper bound.
///
/// The upper bound is `upTo + upToPerPerson × persons` m³/year, so a block can
/// be fixed (`upTo`), per person (`upToPerPerson`, e.g. 3 m³ free per person)
/// or both. A block with neither is open-ended; only the last block may be
/// open-ended, and it must be.
public struct TariffBlock: Sendable, Equatable {
    /// Fixed part of the upper bound, m³/year; `nil` when not given.
    public var upTo: Double?
    /// Per-person part of the upper bound, m³ per person per year; `nil` when not given.
    public var upToPerPerson: Double?
    /// Price, € per m³ (before VAT).
    public var price: Double

    public init(upTo: Double? = nil, upToPerPerson: Double? = nil, price: Double) {
        self.upTo = upTo
        self.upToPerPerson = upToPerPerson
        self.price = price
    }

    /// `true` for the last block, which has no upper bound.
    public var isOpenEnded: Bool { upTo == nil && upToPerPerson == nil }

    /// The block's upper bound for a household of `persons` (`+∞` when open-ended).
    public func upperBound(persons: Int) -> Double {
        if isOpenEnded { return .infinity }
        return (upTo ?? 0) + (upToPerPerson ?? 0) * Double(max(0, persons))
    }
}

/// The grid and subscription of one meter type.
public struct MeterTariff: Sendable, Equatable {
    /// Blocks in increasing order of volume; the last is open-ended.
    public var blocks: [TariffBlock]
    /// Annual subscription (abonnement), € per household per year, before VAT.
    public var subscription: Double

    public init(blocks: [TariffBlock], subscription: Double) {
        self.blocks = blocks
        self.subscription = subscription
    }
}

/// One household's annual bill under a ``WaterTariff``, in euros (not rounded).
public struct WaterBill: Sendable, Equatable {
    /// Billed volume, m³/year (negative inputs count as 0).
    public var volume: Double
    /// Part of `volume` that fell in blocks priced 0 (the free band).
    public var freeVolume: Double
    /// Volumetric drinking-water charge, before VAT: Σ price × m³ in each block.
    public var water: Double
    /// Sanitation charge: sanitation rate × volume (as given in the tariff).
    public var sanitation: Double
    /// Annual subscription of the meter type, before VAT.
    public var subscription: Double
    /// VAT: `vat × (water + subscription) + sanitation_vat × sanitation`.
    public var vat: Double

    /// Everything before VAT: water + sanitation + subscription.
    public var totalBeforeVAT: Double { water + sanitation + subscription }
    /// The bill: water + sanitation + subscription + VAT.
    public var total: Double { water + sanitation + subscription + vat }
    /// Average price of the drinking-water part, € per m³ (`water / volume`; `nil` at 0 m³).
    public var waterPricePerCubicMetre: Double? { volume > 0 ? water / volume : nil }

    /// Affordability ratio `total / income` (docs/domain.md §8; flag above 0.03). `nil` when income ≤ 0.
    public func effortRate(income: Double) -> Double? {
        income > 0 ? total / income : nil
    }
}

/// A drinking-water tariff: per meter type a block grid and a subscription,
/// plus an optional sanitation charge and VAT rates. Read from YAML with
/// ``init(contentsOfFile:)`` (see `Fixtures/water/tariff-2023.yaml`).
///
/// Bill of a household using `V` m³ with `p` persons on meter type `m`:
///
///     bound_0 = 0,  bound_i = max(bound_{i−1}, up_to_i + up_to_per_person_i × p)
///     water        = Σ_i price_i × clamp(V − bound_{i−1}, 0, bound_i − bound_{i−1})
///     freeVolume   = the same sum over blocks with price 0, without the price
///     sanitation   = sanitation × V
///     subscription = subscription_m
///     vat          = vat × (water + subscription) + sanitation_vat × sanitation
///     total        = water + sanitation + subscription + vat
///
/// The running maximum in `bound_i` matters only when a per-person bound
/// overtakes a later fixed bound (e.g. 3 m³/person free then 0.86 €/m³ up to
/// 120 m³ for a household of 41): the overtaken block is then empty.
/// Nothing is rounded; round to cents for display.
public struct WaterTariff: Sendable, Equatable {
    /// A short name for reports.
    public var name: String
    /// Optional free text (sources, caveats).
    public var description: String?
    /// Grid and subscription of each meter type (both types are required).
    public var meters: [MeterType: MeterTariff]
    /// Sanitation (assainissement) charge, € per m³ billed; 0 when not given.
    public var sanitation: Double
    /// VAT rate on water and subscription (5.5 % in France); 0 when not given.
    public var vat: Double
    /// VAT rate on the sanitation charge (10 % in France); 0 when not given,
    /// e.g. when `sanitation` is already an all-taxes-included figure.
    public var sanitationVAT: Double

    /// Creates and validates a tariff.
    ///
    /// - Throws: `SpecError` (with a key such as `meters.collectif.blocks[2].up_to`,
    ///   no file or line) when a meter type is missing, a block list is empty,
    ///   unsorted or overlapping, the open-ended block is not last, or a price,
    ///   bound, subscription or rate is negative (rates must be below 1).
    public init(
        name: String, description: String? = nil, meters: [MeterType: MeterTariff],
        sanitation: Double = 0, vat: Double = 0, sanitationVAT: Double = 0
    ) throws(SpecError) {
        self.name = name
        self.description = description
        self.meters = meters
        self.sanitation = sanitation
        self.vat = vat
        self.sanitationVAT = sanitationVAT
        try validate()
    }

    /// The bill of one household (formulas in the type's documentation).
    ///
    /// - Parameters:
    ///   - volume: m³ over the year; negative or non-finite values count as 0.
    ///   - meter: the household's meter type.
    ///   - persons: household size (for per-person bounds); negative counts as 0.
    public func bill(volume: Double, meter: MeterType, persons: Int) -> WaterBill {
        let v = volume.isFinite && volume > 0 ? volume : 0
        let grid = meters[meter]!  // both types are guaranteed by validate()
        var water = 0.0, free = 0.0, lower = 0.0
        for block in grid.blocks {
            let upper = max(lower, block.upperBound(persons: persons))
            let quantity = min(v, upper) - lower
            if quantity > 0 {
                water += block.price * quantity
                if block.price == 0 { free += quantity }
            }
            lower = upper
            if v <= upper { break }
        }
        let sanitationCharge = sanitation * v
        let tax = vat * (water + grid.subscription) + sanitationVAT * sanitationCharge
        return WaterBill(volume: v, freeVolume: free, water: water, sanitation: sanitationCharge,
                         subscription: grid.subscription, vat: tax)
    }

    /// Checks the invariants listed in ``init(name:description:meters:sanitation:vat:sanitationVAT:)``.
    public func validate() throws(SpecError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SpecError(key: "name", problem: .sentence(.tariffName, arguments: [:]))
        }
        for meter in MeterType.allCases {
            guard let grid = meters[meter] else {
                throw SpecError(key: "meters", problem: .sentence(.tariffMeter, arguments: ["meter": "\(meter.rawValue)", "both": "\(MeterType.allCases.map(\.rawValue).joined(separator: " and "))"]))
            }
            try Self.validate(grid, key: "meters.\(meter.rawValue)")
        }
        try Self.rate(sanitation, key: "sanitation", unit: "€/m³", belowOne: false)
        try Self.rate(vat, key: "vat", unit: "a fraction, e.g. 0.055", belowOne: true)
        try Self.rate(sanitationVAT, key: "sanitation_vat", unit: "a fraction, e.g. 0.10", belowOne: true)
    }

    /// 1,000,000: the largest amount a tariff may give (a price in €/m³, a subscription in
    /// €/year). With volumes of at most 10¹⁵ m³ (`NumberRule.largestMagnitude`), every bill and
    /// every sum of bills then stays finite (a price of 10³⁰⁰ made bills infinite).
    public static let largestAmount = 1_000_000.0

    static func rate(_ value: Double, key: String, unit: String, belowOne: Bool) throws(SpecError) {
        guard value.isFinite, value >= 0 else { throw SpecError(key: key, problem: .sentence(.tariffAtLeastZero, arguments: ["unit": "\(unit)", "found": "\(value)"])) }
        guard value <= largestAmount else {
            throw SpecError(key: key, problem: .sentence(.tariffUpToMillion, arguments: ["unit": "\(unit)", "found": "\(value)"]))
        }
        if belowOne && value >= 1 {
            throw SpecError(key: key, problem: .sentence(.tariffRate, arguments: ["unit": "\(unit)", "found": "\(value)"]))
        }
    }

    static func validate(_ grid: MeterTariff, key: String) throws(SpecError) {
        try rate(grid.subscription, key: "\(key).subscription", unit: "€/year", belowOne: false)
        guard !grid.blocks.isEmpty else {
            throw SpecError(key: "\(key).blocks", problem: .sentence(.tariffOneBlock, arguments: [:]))
        }
        var previous = 0.0
        for (i, block) in grid.blocks.enumerated() {
            let path = "\(key).blocks[\(i + 1)]"
            guard block.price.isFinite, block.price >= 0 else {
                throw SpecError(key: "\(path).price", problem: .sentence(.tariffPriceAtLeastZero, arguments: ["found": "\(block.price)"]))
            }
            guard block.price <= largestAmount else {
                throw SpecError(key: "\(path).price", problem: .sentence(.tariffPrice, arguments: ["found": "\(block.price)"]))
            }
            let isLast = i == grid.blocks.count - 1
            if block.isOpenEnded {
                guard isLast else {
                    throw SpecError(key: path, problem: .sentence(.tariffOpenEnded, arguments: ["block": "\(i + 1)", "count": "\(grid.blocks.count)"]))
                }
                continue
            }
            guard !isLast else {
                throw SpecError(key: path, problem: .sentence(.tariffLastOpen, arguments: [:]))
            }
            let boundKey = block.upTo != nil ? "\(path).up_to" : "\(path).up_to_per_person"
            for (part, name) in [(block.upTo, "up_to"), (block.upToPerPerson, "up_to_per_person")] {
                if let part, !(part.isFinite && part >= 0) {
                    throw SpecError(key: "\(path).\(name)", problem: .sentence(.tariffVolume, arguments: ["found": "\(part)"]))
                }
                if let part, part > NumberRule.largestMagnitude {
                    throw SpecError(key: "\(path).\(name)", problem: .sentence(.tariffVolumeLimit, arguments: ["found": "\(part)"]))
                }
            }
            // Order is checked for a one-person household (per-person bounds scale from there).
            let bound = block.upperBound(persons: 1)
            if bound == previous {
                throw SpecError(key: boundKey, message: i == 0
                    ? "the first block is empty: its upper bound must be above 0 m³"
                    : "blocks overlap: block \(i + 1) ends at \(Self.format(bound)) m³, where block \(i) already ends (for 1 person)")
            }
            if bound < previous {
                throw SpecError(key: boundKey, problem: .sentence(.tariffBlocksSorted, arguments: ["block": "\(i + 1)", "bound": "\(Self.format(bound))", "previous": "\(Self.format(previous))", "before": "\(i)"]))
            }
            previous = bound
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
