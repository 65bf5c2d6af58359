import AuditData
import AuditMetrics
import Foundation
import LinearAlgebra

/// Weight sensitivity and what-if analysis of a points grid (`docs/model.md`,
/// "Sensitivity and what-if").
///
/// For each criterion `c` and scale `λ` (default ×0, ×0.5, ×1.5, ×2) the variant
/// grid has weights `w'_f = λ·w_f` for the features `f` of `c`, `w'_f = w_f`
/// otherwise. All variants, with the baseline first, are the columns of one
/// weight matrix `W` (features × variants), scored exactly in batches of a few
/// columns (one single-threaded BLAS `dgemm` per batch and worker, then exclusive
/// groups and the floor per column, as ``GridDesign/exactScores(weights:)``) and
/// re-selected under the baseline grid's rule and capacities (top `k_s` per
/// segment per column) by the amendment search's partial selection
/// (``GridPartialSelection``: the `k`-th largest score per segment, no ranking) —
/// the set ``GridAllocation`` selects. Each variant's disparities
/// (``GridGroupDisparity``) are compared with the baseline's. Only the batch
/// being measured is held: no applicants × variants matrix.
public enum GridSensitivity {
    /// ×0 (criterion removed), ×0.5, ×1.5, ×2.
    public static let defaultScales: [Double] = [0, 0.5, 1.5, 2]

    /// The baseline, then every criterion (declared order) × every scale (given order).
    public static func variants(of design: GridDesign, scales: [Double] = defaultScales) -> [GridWeightVariant] {
        var result = [GridWeightVariant.baseline]
        for (c, criterion) in design.grid.criteria.enumerated() {
            for scale in scales { result.append(GridWeightVariant(criterion: c, criterionName: criterion.name, scale: scale)) }
        }
        return result
    }

    /// `W[f, v] = λ_v·w_f` when feature `f` belongs to variant `v`'s criterion, else `w_f`.
    ///
    /// The product is taken in decimal (``GridDecimal``): 1.5 × 0.1 is 0.15, not the binary
    /// product 0.15000000000000002, so that the variant is scored exactly like a grid
    /// declaring 0.15. (A scale or weight that is not a short decimal keeps the binary product,
    /// which exact scoring then refuses with a clear error.)
    public static func weightMatrix(of design: GridDesign, variants: [GridWeightVariant]) throws -> Matrix {
        let w = design.weights
        var storage: [Double] = []
        storage.reserveCapacity(w.count * variants.count)
        for variant in variants {
            for (f, weight) in w.enumerated() {
                storage.append(design.featureCriterion[f] == variant.criterion ? scaled(weight, by: variant.scale) : weight)
            }
        }
        return try Matrix(rows: w.count, columns: variants.count, columnMajor: storage)
    }

    /// λ·w in decimal arithmetic when both are decimals, else in binary.
    static func scaled(_ weight: Double, by scale: Double) -> Double {
        guard let a = GridDecimal(weight), let b = GridDecimal(scale), let product = a.multiplied(by: b) else { return scale * weight }
        return product.doubleValue
    }

    /// Runs the analysis.
    ///
    /// - Parameters:
    ///   - attributes: protected attributes, row-aligned with `design` (same file, same order).
    ///   - scales: the factors applied to each criterion; finite, at least one.
    ///   - minGroupSize: groups with fewer rows do not set the impact ratio's denominator
    ///     (AuditSpec's `min_group_size`, default 30; `RatioEligibility`).
    ///   - priorities: attribute name → the mandated priorities each group holds (by code).
    ///   - referenceGroups: attribute name → reference group for rate differences
    ///     and score gaps; default: the largest group (the first label on a tie).
    ///   - tornadoScales: the low and high scale of the tornado bars; both must be in `scales`.
    ///   - threads: workers measuring batches of variants (each with a single-threaded `dgemm`:
    ///     one owner of the cores). The result does not depend on it.
    /// - Throws: `SpecError` for an attribute of another length than the design,
    ///   an unknown reference group, a non-finite or missing scale or a
    ///   `minGroupSize` below 1; errors of ``GridAllocation/allocate(scores:design:rule:)``
    ///   (e.g. a grid without allocation rule).
    public static func run(design: GridDesign, attributes: [GroupColumn], scales: [Double] = defaultScales,
                           minGroupSize: Int = 30, referenceGroups: [String: String] = [:], priorities: [String: [Set<String>]] = [:],
                           tornadoScales: (low: Double, high: Double) = (0, 2),
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> GridSensitivityResult {
        guard !scales.isEmpty, scales.allSatisfy(\.isFinite) else {
            throw SpecError(key: "sensitivity.scales", problem: .sentence(.sensitivityScale, arguments: ["found": "\(scales)"]))
        }
        guard scales.contains(tornadoScales.low), scales.contains(tornadoScales.high) else {
            throw SpecError(key: "sensitivity.tornado", problem: .sentence(.sensitivityTornado, arguments: ["low": "\(tornadoScales.low)", "high": "\(tornadoScales.high)", "scales": "\(scales)"]))
        }
        guard minGroupSize >= 1 else {
            throw SpecError(key: "min_group_size", problem: .sentence(.specWholeAtLeastOne, arguments: ["found": "\(minGroupSize)"]))
        }
        var references: [Int] = []
        for attribute in attributes {
            guard attribute.codes.count == design.rows else {
                throw SpecError(key: "protected.\(attribute.attribute)", problem: .sentence(.sensitivityRows, arguments: ["count": "\(attribute.codes.count)", "rows": "\(design.rows)"]))
            }
            references.append(try reference(of: attribute, named: referenceGroups[attribute.attribute]))
        }

        let variants = variants(of: design, scales: scales)
        let w = try weightMatrix(of: design, variants: variants)
        let referenceCodes = references
        let groupCounts = attributes.map(\.counts)
        // Every attribute's groups counted and summed in one pass over the rows per variant.
        let slots = GroupSlots(attributes: attributes, rows: design.rows)
        let measured = try measureSelections(design: design, weights: w, threads: threads) { scaled, unit, selected in
            let tally = slots.tally(scaled: scaled, unit: unit, selected: selected)
            let value = attributes.indices.flatMap { a in
                let range = slots.offsets[a]..<(slots.offsets[a] + attributes[a].groups.count)
                return GridGroupDisparity.disparities(attribute: attributes[a], counts: groupCounts[a], reference: referenceCodes[a],
                                                      minGroupSize: minGroupSize, priorities: priorities[attributes[a].attribute],
                                                      chosen: tally.chosen[range], sums: tally.sums[range])
            }
            return Measured(value: value, selected: tally.selected)
        }
        let disparities = measured.map(\.value)
        let ranking = rank(variants: variants, disparities: disparities, scales: scales)
        let tornado = tornadoBars(ranking, low: tornadoScales.low, high: tornadoScales.high)
        return GridSensitivityResult(variants: variants, weights: w, selectedCounts: measured.map(\.selected),
                                     disparities: disparities,
                                     referenceGroups: zip(attributes, references).map { $0.groups[$1] },
                                     ranking: ranking, tornado: tornado)
    }

    /// Index of the named reference group, or of the largest group (first label on a tie).
    static func reference(of attribute: GroupColumn, named name: String?) throws(SpecError) -> Int {
        if let name {
            guard let index = attribute.groups.firstIndex(of: name) else {
                throw SpecError(key: "reference_groups.\(attribute.attribute)", problem: .sentence(.sensitivityGroup, arguments: ["name": "\(name)", "groups": "\(attribute.groups.joined(separator: ", "))"]))
            }
            return index
        }
        let counts = attribute.counts
        var best = 0
        for g in counts.indices where counts[g] > counts[best] { best = g }
        return best
    }

    /// Every (attribute, group) × non-baseline variant, ranked.
    static func rank(variants: [GridWeightVariant], disparities: [[GridGroupDisparity]], scales: [Double]) -> [GridSensitivityEntry] {
        let base = disparities[0]
        var keyed: [(entry: GridSensitivityEntry, order: Int)] = []
        for (v, variant) in variants.enumerated() {
            guard let c = variant.criterion, let name = variant.criterionName else { continue }
            for (j, d) in disparities[v].enumerated() {
                let b = base[j]
                let entry = GridSensitivityEntry(
                    attribute: d.attribute, group: d.group, criterion: name, criterionIndex: c, scale: variant.scale,
                    baselineImpactRatio: b.impactRatio, variantImpactRatio: d.impactRatio,
                    impactRatioChange: GridGroupDisparity.difference(d.impactRatio, b.impactRatio),
                    rateDifferenceChange: GridGroupDisparity.difference(d.rateDifference, b.rateDifference),
                    meanScoreGapChange: GridGroupDisparity.difference(d.meanScoreGap, b.meanScoreGap))
                // Input order: attribute/group (j), then criterion, then scale (v).
                keyed.append((entry, j * variants.count + v))
            }
        }
        keyed.sort { x, y in
            let ax = x.entry.impactRatioChange.value.map(abs) ?? -1, ay = y.entry.impactRatioChange.value.map(abs) ?? -1
            if ax != ay { return ax > ay }
            let dx = x.entry.rateDifferenceChange.value.map(abs) ?? -1, dy = y.entry.rateDifferenceChange.value.map(abs) ?? -1
            if dx != dy { return dx > dy }
            return x.order < y.order
        }
        return keyed.map(\.entry)
    }

    /// One bar per (attribute, group, criterion), from the entries at the low and high scales.
    static func tornadoBars(_ ranking: [GridSensitivityEntry], low: Double, high: Double) -> [GridTornadoBar] {
        struct Key: Hashable { let attribute: String, group: String, criterion: Int }
        var lows: [Key: GridSensitivityEntry] = [:], highs: [Key: GridSensitivityEntry] = [:]
        var keys: [Key] = []
        for e in ranking {
            let key = Key(attribute: e.attribute, group: e.group, criterion: e.criterionIndex)
            if lows[key] == nil && highs[key] == nil && (e.scale == low || e.scale == high) { keys.append(key) }
            if e.scale == low { lows[key] = e }
            if e.scale == high { highs[key] = e }
        }
        // `keys` follows the ranking (deterministic); a stable sort by width keeps that order on ties.
        let bars = keys.compactMap { key -> GridTornadoBar? in
            guard let l = lows[key], let h = highs[key] else { return nil }
            return GridTornadoBar(attribute: key.attribute, group: key.group, criterion: l.criterion, criterionIndex: key.criterion,
                                  lowScale: low, highScale: high,
                                  lowImpactRatioChange: l.impactRatioChange, highImpactRatioChange: h.impactRatioChange,
                                  lowRateDifferenceChange: l.rateDifferenceChange, highRateDifferenceChange: h.rateDifferenceChange)
        }
        return bars.enumerated().sorted { x, y in
            let wx = x.element.width ?? -1, wy = y.element.width ?? -1
            return wx != wy ? wx > wy : x.offset < y.offset
        }.map(\.element)
    }
}
