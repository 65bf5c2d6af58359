import AuditData
import DecisionModels

/// The sentences of an applicant's explanation in one language, as runs: criterion labels,
/// rule descriptions, segments, notes, operations. A value from the data (an id, a category,
/// a column name) is a label, shown literally (a code span in Markdown); text from the grid
/// file (labels, role, sources) is text, escaped by the renderer. ``ExplanationReport`` puts
/// them in a document; ``ExplanationJSON`` reads the same runs as plain text.
struct ExplanationPhrases {
    let t: ReportText

    init(_ language: ReportLanguage) {
        t = ReportText(language)
    }

    /// A sentence of the catalogue with its placeholders filled by runs.
    func callAsFunction(_ key: MessageKey, _ values: [String: ReportInline] = [:]) -> [ReportInline] {
        t.runs(key, values)
    }

    /// A point value or an amount: at most 3 decimals, trailing zeros dropped (``NumberStyle/decimal(_:upTo:)``).
    func number(_ x: Double, upTo digits: Int = 3) -> ReportInline { .text(t.numbers.decimal(x, upTo: digits)) }

    /// A count or a rank.
    func count(_ n: Int) -> ReportInline { .text(t.count(n)) }

    /// Runs joined by `separator`, as one run.
    func joined(_ items: [ReportInline], _ separator: String = ", ") -> ReportInline {
        var out: [ReportInline] = []
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(.text(separator)) }
            out.append(item)
        }
        return .span(out)
    }

    /// The criterion's label in the language, else in another, else its name.
    func label(_ c: ExplanationCriterion) -> ReportInline {
        t.declared([.fr: c.labelFR, .en: c.labelEN]).map { .text($0) } ?? .label(c.name)
    }

    /// The applicant's value, or "missing".
    func value(_ v: String?) -> ReportInline { v.map { .label($0) } ?? .text(t(.explanationValueMissing)) }

    /// The criterion's rule in words (its kind and points).
    func rule(_ kind: GridCriterionKind) -> [ReportInline] {
        switch kind {
        case .flag(let points, let trueValues):
            return self(.explanationKindFlag, ["points": number(points), "values": joined(trueValues.map { .label($0) }, t(.explanationListOr))])
        case .category(let levels):
            let items = levels.map { ReportInline.span(self(.explanationLevel, ["value": .label($0.value), "points": number($0.points)])) }
            return self(.explanationKindCategories, ["levels": joined(items)])
        case .perUnit(let perUnit, let cap):
            if let cap { return self(.explanationKindPerUnitCap, ["per_unit": number(perUnit), "cap": number(cap)]) }
            return self(.explanationKindPerUnit, ["per_unit": number(perUnit)])
        case .bands(let bands):
            let items = bands.map { ReportInline.span(self(.explanationLevel, ["value": .span(band($0)), "points": number($0.points)])) }
            return self(.explanationKindBands, ["bands": joined(items)])
        }
    }

    /// A band as a half-open interval, `[10 ; 20)`, unbounded ends as `−∞` and `+∞`.
    func band(_ band: GridBand) -> [ReportInline] {
        self(.explanationBand, ["from": band.from.map { number($0) } ?? .text("−∞"), "to": band.to.map { number($0) } ?? .text("+∞")])
    }

    /// "same typologie: T3", or "all applications".
    func segment(_ s: ExplanationStanding) -> ReportInline {
        guard !s.segmentColumns.isEmpty else { return .text(t(.explanationSegmentAll)) }
        return .span(self(.explanationSegmentValues, ["columns": joined(s.segmentColumns.map { .label($0) }),
                                                      "values": joined(s.segmentValues.map { .label($0) })]))
    }

    /// How segments are formed: "by typologie", or "all applications".
    func segmentRule(_ s: ExplanationStanding) -> ReportInline {
        guard !s.segmentColumns.isEmpty else { return .text(t(.explanationSegmentAll)) }
        return .span(self(.explanationSegmentBy, ["columns": joined(s.segmentColumns.map { .label($0) })]))
    }

    /// Item 1: the allocation rule in words.
    func allocationRule(_ s: ExplanationStanding) -> [ReportInline] {
        let segment = segmentRule(s)
        switch s.rule {
        case .capacity: return self(.explanationRuleCapacity, ["segment": segment])
        case .proposals(_, let perUnit): return self(.explanationRuleProposals, ["segment": segment, "per_unit": count(perUnit)])
        case .threshold(let threshold): return self(.explanationRuleThreshold, ["segment": segment, "threshold": number(threshold)])
        case nil: return self(.explanationRuleNone, ["segment": segment])
        }
    }

    /// The tie-break keys in words.
    func tieBreak(_ keys: [GridTieBreakKey]) -> ReportInline {
        joined(keys.map { .span(self($0.descending ? .explanationTieDesc : .explanationTieAsc, ["column": .label($0.column)])) })
    }

    /// The uses of a data column ("criterion, segment").
    func uses(_ uses: [String]) -> ReportInline {
        joined(uses.map { .span(t.runs(named: "explanation.use." + $0)) })
    }

    /// Notes on how one criterion was applied: cap, exclusive group, missing value, penalty.
    func notes(_ c: ExplanationCriterion, in e: ApplicantExplanation) -> [[ReportInline]] {
        var notes: [[ReportInline]] = []
        let name = label(c)
        if c.value == nil { notes.append(self(.explanationNoteMissing, ["label": name])) }
        if let cap = c.cap {
            if cap.isBinding {
                notes.append(self(.explanationNoteCap, ["label": name, "counted": number(cap.unitsCounted), "units": number(cap.units),
                                                        "cap_units": number(cap.capUnits)]))
            } else {
                notes.append(self(.explanationNoteUncapped, ["label": name, "units": number(cap.units), "cap_units": number(cap.capUnits)]))
            }
        }
        if let g = c.group, !c.counted, c.points != 0 {
            let group = e.groups[g]
            let best = e.criteria[group.countedMember]
            notes.append(self(.explanationNoteGroup, ["label": name, "members": joined(group.members.map { label(e.criteria[$0]) }),
                                                      "best": label(best), "best_points": number(best.points), "points": number(c.points)]))
        }
        if c.counted && c.points < 0 { notes.append(self(.explanationNotePenalty, ["label": name, "points": number(c.points)])) }
        return notes
    }

    /// Item 4: the operations, one sentence each.
    func operations(_ e: ApplicantExplanation) -> [[ReportInline]] {
        var lines = [self(.explanationOpSum, ["sum": number(e.operations.sum)])]
        for group in e.groups {
            lines.append(self(.explanationOpGroup, ["group": .label(group.name), "members": joined(group.members.map { label(e.criteria[$0]) }),
                                                    "best": label(e.criteria[group.countedMember]), "points": number(group.points)]))
        }
        if let floor = e.operations.minimumScore {
            lines.append(e.operations.floorApplied
                         ? self(.explanationOpFloorApplied, ["floor": number(floor), "sum": number(e.operations.sum)])
                         : self(.explanationOpFloorUnused, ["floor": number(floor)]))
        }
        lines.append(self(.explanationOpTotal, ["total": number(e.operations.total)]))
        lines.append(self(.explanationOpTiebreak, ["keys": tieBreak(e.standing.tieBreak)]))
        let s = e.standing
        lines.append(self(.explanationOpRank, ["rank": count(s.rank), "count": count(s.comparableCount), "segment": segment(s)]))
        switch s.rule {
        case .capacity: lines.append(self(.explanationOpCapacity, ["k": count(s.capacity ?? 0), "limit": count(s.selectionLimit ?? 0)]))
        case .proposals(_, let perUnit):
            lines.append(self(.explanationOpProposals, ["k": count(s.capacity ?? 0), "per_unit": count(perUnit), "limit": count(s.selectionLimit ?? 0)]))
        case .threshold(let threshold): lines.append(self(.explanationOpThreshold, ["threshold": number(threshold)]))
        case nil: break
        }
        if let verdict = verdict(s) { lines.append(verdict) }
        return lines
    }

    /// Whether the rule selects the applicant ("put before the commission" under a proposals rule).
    func verdict(_ s: ExplanationStanding) -> [ReportInline]? {
        guard let selected = s.selected else { return nil }
        if case .proposals = s.rule { return self(selected ? .explanationStandingProposed : .explanationStandingNotProposed) }
        return self(selected ? .explanationStandingSelected : .explanationStandingNotSelected)
    }

    /// The average wait sentence.
    func wait(_ w: ExplanationWait) -> [ReportInline] {
        switch w {
        case .notDeclared: self(.explanationWaitUndeclared)
        case .suppressed(let n, let minimum): self(.explanationWaitSuppressed, ["count": count(n), "minimum": count(minimum)])
        case .available(let n, let mean, let median):
            self(.explanationWaitAvailable, ["count": count(n), "mean": number(mean, upTo: 1), "median": number(median, upTo: 1)])
        }
    }
}
