import AuditData
import AuditMetrics

extension HumanStage {
    /// Attribute `a` of the store: every group's rates, comparisons, stage split, odds ratio at
    /// equal points and waits within bands, under disclosure control.
    static func attribute(_ a: Int, _ column: GroupColumn, input: Input, actual: [UInt8], strata: [Int32], strataCount: Int,
                          overrides: Overrides, replicates: Int) throws -> HumanStageAttribute {
        let name = column.attribute
        let labels = column.groups
        let codes = column.codesLeavingOutUnknown
        let spec = input.audit.analysis
        let level = spec.inference.level
        let k = spec.minCellSize
        let central = overrides.table.attributes[a]
        let cells = central.groups.map(\.statistics.rows)
        let counts = cells.map { $0.wrappedSum() }
        let reference: Int? = input.audit[name]?.reference.group
        let isHidden = labels.map { input.hidden.contains("\(name)\u{1F}\($0)") }
        // Either override rate and the published selection rates give the other: both are
        // withheld when the grid selects, or leaves out, fewer than k of the group.
        let smallCell = cells.map { c in c[0] + c[1] < k || c[2] + c[3] < k }
        let compares = reference.map { !isHidden[$0] } ?? false
        var perGroup = [[MetricEntry]](repeating: [], count: labels.count)

        // Rates and the override comparisons (the findings).
        let mine = overrides.findings.filter { $0.attribute == name }
        for g in labels.indices where counts[g] > 0 {
            let c = cells[g]
            perGroup[g].append(rate(.actualSelectionRate, Double(c[1] + c[3]), Double(counts[g]), level))
            if smallCell[g] {
                let why = MetricValue.suppressed(reason: "suppressed: the grid selects, or leaves out, fewer than \(k) of the group (disclosure control)")
                perGroup[g].append(MetricEntry(.overrideInRate, why, n: counts[g]))
                perGroup[g].append(MetricEntry(.overrideOutRate, why, n: counts[g]))
                continue
            }
            perGroup[g].append(rate(.overrideInRate, Double(c[1]), Double(c[0] + c[1]), level))
            perGroup[g].append(rate(.overrideOutRate, Double(c[2]), Double(c[2] + c[3]), level))
            guard g != reference, compares || reference == nil else { continue }
            for metric in MetricID.overrideRates.map(\.id) {
                guard let d = mine.first(where: { $0.group == labels[g] && $0.metric == metric && $0.kind == .difference }),
                      let r = mine.first(where: { $0.group == labels[g] && $0.metric == metric && $0.kind == .ratio }) else { continue }
                if let ref = reference, smallCell[ref] {
                    let why = MetricValue.suppressed(reason: "suppressed: the grid selects, or leaves out, fewer than \(k) of the reference group (disclosure control)")
                    perGroup[g] += [metric.difference, metric.ratio].map { MetricEntry($0, why, n: d.groupRows) }
                    continue
                }
                perGroup[g].append(MetricEntry(metric.difference, d.value, n: d.groupRows, interval: d.interval))
                perGroup[g].append(MetricEntry(metric.ratio, r.value, n: r.groupRows, interval: r.interval))
                if let p = d.pValue {
                    // The finding's p-value is already bounded: 1e-300 stands for anything smaller.
                    let published: MetricValue = p <= PublishedPValue.smallest ? .upperBound(p, reason: PublishedPValue.boundReason("the test's p-value")) : .defined(p)
                    perGroup[g].append(MetricEntry(.pValue(metric), published, n: d.groupRows))
                }
                if let p = d.pAdjusted { perGroup[g].append(MetricEntry(.pAdjusted(metric), .defined(p), n: d.groupRows)) }
            }
        }

        // Where the gap arises, and the odds of selection at equal points.
        if let reference, compares, counts[reference] > 0 {
            let visible = labels.indices.filter { $0 != reference && !isHidden[$0] && counts[$0] > 0 }
            let splits = StageSplit.split(cells: cells, reference: reference, groups: visible, inference: spec.inference,
                                          replicates: replicates, stream: stream(attribute: a), threads: input.threads)
            for s in splits {
                func entry(_ name: MetricID, _ v: MetricValue, _ ci: MetricInterval?) -> MetricEntry {
                    var e = MetricEntry(name, v, n: s.groupRows)
                    e.bootstrapInterval = v.value == nil ? nil : ci
                    return e
                }
                perGroup[s.group].append(entry(.actualGap, s.actualGap, s.actualGapInterval))
                perGroup[s.group].append(entry(.gridStageGap, s.gridStageGap, s.gridStageGapInterval))
                perGroup[s.group].append(entry(.humanStageGap, s.humanStageGap, s.humanStageGapInterval))
            }
            let stratified = try StratifiedCounts.tabulate(groups: codes, strata: strata, selected: actual, groupCount: labels.count, strataCount: strataCount)
            for g in visible {
                guard let tables = stratified.tables(group: g, reference: reference) else { continue }
                let mh = MantelHaenszel(tables, level: level)
                let cmh = CochranMantelHaenszel(tables)
                let bd = BreslowDay(tables)
                perGroup[g].append(MetricEntry(.mhOddsRatio, mh.oddsRatio, n: counts[g], interval: MetricInterval(mh.interval, .robinsBreslowGreenland)))
                perGroup[g].append(MetricEntry(.mhInformativeStrata, .defined(Double(mh.informativeStrata)), n: counts[g]))
                perGroup[g].append(MetricEntry(.cmhChi2, cmh.statistic, n: counts[g]))
                perGroup[g].append(MetricEntry(.cmhPValue, cmh.pValue, n: counts[g]))
                perGroup[g].append(MetricEntry(.breslowDayChi2, bd.statistic, n: counts[g]))
                perGroup[g].append(MetricEntry(.breslowDayDF, .defined(Double(bd.degreesOfFreedom)), n: counts[g]))
                perGroup[g].append(MetricEntry(.breslowDayPValue, bd.pValue, n: counts[g]))
            }
        }

        // Waits at equal points.
        var aggregates: [MetricEntry] = []
        if let order = input.waitingOrder {
            let combined = codes.indices.map { i -> Int32 in codes[i] < 0 ? -1 : codes[i] * Int32(bands) + Int32(band(ofStratum: strata[i])) }
            let cellLabels = labels.flatMap { l in (1...bands).map { "\(l)\u{1F}\($0)" } }
            let times = try WaitingTimes(groups: combined, groupLabels: cellLabels, order: order)
            let curves = try WaitingListFairness.survival(times, level: level).groups
            for g in labels.indices where counts[g] > 0 {
                for b in 0..<bands {
                    let km = curves[g * bands + b]
                    let value: MetricValue = km.n < k
                        ? .suppressed(reason: "suppressed: fewer than \(k) rows of the group in the band (disclosure control)") : km.medianWait
                    perGroup[g].append(MetricEntry(.kmMedianWaitBand(b + 1), value, n: km.n, interval: km.n < k ? nil : km.medianInterval))
                }
            }
            let byGroup = try WaitingTimes(groups: codes, groupLabels: labels, order: order)
            let test = try StratifiedLogRank(byGroup, strata: strata, strataCount: strataCount)
            let analysed = test.stratumSizes.reduce(0, +)
            aggregates.append(MetricEntry(.stratifiedLogrankChi2, test.statistic, n: analysed))
            aggregates.append(MetricEntry(.stratifiedLogrankDF, .defined(Double(test.degreesOfFreedom)), n: analysed))
            aggregates.append(MetricEntry(.stratifiedLogrankPValue, test.pValue, n: analysed))
        }
        for t in overrides.tests where t.attribute == name {
            aggregates.append(MetricEntry(.independenceChi2(t.metric), .defined(t.statistic), n: t.groups))
            aggregates.append(MetricEntry(.independencePValue(t.metric), t.pValueIsUpperBound
                ? .upperBound(t.pValue, reason: PublishedPValue.boundReason("the chi-square p-value")) : .defined(t.pValue), n: t.groups))
            aggregates.append(MetricEntry(.independencePAdjusted(t.metric), .defined(t.pAdjusted), n: t.groups))
        }
        // Values across groups are withheld when a compared group is suppressed or has a
        // withheld override rate.
        if isHidden.contains(true) || labels.indices.contains(where: { smallCell[$0] && counts[$0] > 0 && !column.isUnknown($0) }) {
            let total = counts.reduce(0, +)
            aggregates = aggregates.map { e in
                let dependsOnOverrides = e.id.isOverride
                guard isHidden.contains(true) || dependsOnOverrides else { return e }
                return MetricEntry(e.id, .suppressed(reason: "suppressed: depends on a suppressed group's value (disclosure control)"), n: total)
            }
        }

        let published = mine.filter { f in
            guard let g = labels.firstIndex(of: f.group), !isHidden[g], !smallCell[g] else { return false }
            guard let r = labels.firstIndex(of: f.reference) else { return f.reference == "rest" }
            return !isHidden[r] && !smallCell[r]
        }
        let groups = labels.indices.map { g -> ModelGroupResult in
            let entries = isHidden[g]
                ? perGroup[g].map { MetricEntry($0.id, .suppressed(reason: "suppressed: the group is suppressed in the audit (disclosure control)"), n: counts[g]) }
                : perGroup[g]
            return ModelGroupResult(label: labels[g], count: counts[g], isSuppressed: isHidden[g], isReference: reference == g, metrics: entries)
        }
        return HumanStageAttribute(name: name, reference: reference.map { labels[$0] }, groups: groups, findings: published, aggregates: aggregates)
    }
}

extension GroupColumn {
    /// Whether code `c` is the missing-value group.
    func isUnknown(_ c: Int) -> Bool { unknownCode.map { Int($0) == c } ?? false }
}
