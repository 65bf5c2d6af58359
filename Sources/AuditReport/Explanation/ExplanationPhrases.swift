import DecisionModels

/// The pieces of an explanation that both renderers phrase the same way:
/// criterion labels, rule descriptions, segments, tie-break keys. `escape`
/// turns data text into the output's syntax (Markdown code spans, or nothing for JSON).
struct ExplanationPhrases {
    let language: ExplanationLanguage
    /// Formats a value from the data or a column name.
    let code: (String) -> String
    /// Formats text from the grid file (labels, role, sources).
    let prose: (String) -> String
    /// Most decimals shown: 3, or the grid's score decimals when it has more (points are exact decimals).
    var decimals = 3

    static func markdown(_ language: ExplanationLanguage, scoreDecimals: Int = 0) -> ExplanationPhrases {
        ExplanationPhrases(language: language, code: ExplanationFormat.code, prose: ExplanationFormat.markdown, decimals: max(3, scoreDecimals))
    }

    static func plain(_ language: ExplanationLanguage, scoreDecimals: Int = 0) -> ExplanationPhrases {
        ExplanationPhrases(language: language, code: { $0 }, prose: { $0 }, decimals: max(3, scoreDecimals))
    }

    func t(_ key: String, _ values: [String: String] = [:]) -> String { ExplanationText.text(key, language, values) }

    func number(_ x: Double) -> String { ExplanationFormat.number(x, language, decimals: decimals) }

    func count(_ n: Int) -> String { ExplanationFormat.count(n, language) }

    /// The criterion's label in the language, else the other language's, else its name.
    func label(_ c: ExplanationCriterion) -> String {
        let chosen = language == .fr ? (c.labelFR ?? c.labelEN) : (c.labelEN ?? c.labelFR)
        return chosen.map(prose) ?? code(c.name)
    }

    /// The applicant's value, or "missing".
    func value(_ v: String?) -> String { v.map(code) ?? t("value.missing") }

    /// The criterion's rule in words (its kind and points).
    func rule(_ kind: GridCriterionKind) -> String {
        switch kind {
        case .flag(let points, let trueValues):
            return t("kind.flag", ["points": number(points), "values": trueValues.map(code).joined(separator: t("list.or"))])
        case .category(let levels):
            return t("kind.categories", ["levels": levels.map { "\(code($0.value)) → \(number($0.points))" }.joined(separator: ", ")])
        case .perUnit(let perUnit, let cap):
            if let cap { return t("kind.per_unit.cap", ["per_unit": number(perUnit), "cap": number(cap)]) }
            return t("kind.per_unit", ["per_unit": number(perUnit)])
        case .bands(let bands):
            return t("kind.bands", ["bands": bands.map { "\(interval($0)) → \(number($0.points))" }.joined(separator: ", ")])
        }
    }

    func interval(_ band: GridBand) -> String {
        "[\(band.from.map(number) ?? "−∞") ; \(band.to.map(number) ?? "+∞"))"
    }

    /// "same typologie: T3", or "all applications".
    func segment(_ s: ExplanationStanding) -> String {
        guard !s.segmentColumns.isEmpty else { return t("segment.all") }
        return t("segment.values", ["columns": s.segmentColumns.map(code).joined(separator: ", "),
                                    "values": s.segmentValues.map(code).joined(separator: ", ")])
    }

    /// How segments are formed: "by typologie", or "all applications".
    func segmentRule(_ s: ExplanationStanding) -> String {
        s.segmentColumns.isEmpty ? t("segment.all") : t("segment.by", ["columns": s.segmentColumns.map(code).joined(separator: ", ")])
    }

    /// Item 1: the allocation rule in words.
    func allocationRule(_ s: ExplanationStanding) -> String {
        let segment = segmentRule(s)
        switch s.rule {
        case .capacity: return t("rule.capacity", ["segment": segment])
        case .proposals(_, let perUnit): return t("rule.proposals", ["segment": segment, "per_unit": count(perUnit)])
        case .threshold(let threshold): return t("rule.threshold", ["segment": segment, "threshold": number(threshold)])
        case nil: return t("rule.none", ["segment": segment])
        }
    }

    /// The tie-break keys in words.
    func tieBreak(_ keys: [GridTieBreakKey]) -> String {
        keys.map { t($0.descending ? "tie.desc" : "tie.asc", ["column": code($0.column)]) }.joined(separator: ", ")
    }

    /// Notes on how one criterion was applied: cap, exclusive group, missing value, penalty.
    func notes(_ c: ExplanationCriterion, in e: ApplicantExplanation) -> [String] {
        var notes: [String] = []
        let name = label(c)
        if c.value == nil { notes.append(t("note.missing", ["label": name])) }
        if let cap = c.cap {
            if cap.isBinding {
                notes.append(t("note.cap", ["label": name, "counted": number(cap.unitsCounted), "units": number(cap.units),
                                            "cap_units": number(cap.capUnits)]))
            } else {
                notes.append(t("note.uncapped", ["label": name, "units": number(cap.units), "cap_units": number(cap.capUnits)]))
            }
        }
        if let g = c.group, !c.counted, c.points != 0 {
            let group = e.groups[g]
            let best = e.criteria[group.countedMember]
            notes.append(t("note.group", ["label": name, "members": group.members.map { label(e.criteria[$0]) }.joined(separator: ", "),
                                          "best": label(best), "best_points": number(best.points), "points": number(c.points)]))
        }
        if c.counted && c.points < 0 { notes.append(t("note.penalty", ["label": name, "points": number(c.points)])) }
        return notes
    }

    /// Item 4: the operations, one sentence each.
    func operations(_ e: ApplicantExplanation) -> [String] {
        var lines = [t("op.sum", ["sum": number(e.operations.sum)])]
        for group in e.groups {
            lines.append(t("op.group", ["group": code(group.name), "members": group.members.map { label(e.criteria[$0]) }.joined(separator: ", "),
                                        "best": label(e.criteria[group.countedMember]), "points": number(group.points)]))
        }
        if let floor = e.operations.minimumScore {
            lines.append(e.operations.floorApplied
                         ? t("op.floor.applied", ["floor": number(floor), "sum": number(e.operations.sum)])
                         : t("op.floor.unused", ["floor": number(floor)]))
        }
        lines.append(t("op.total", ["total": number(e.operations.total)]))
        lines.append(t("op.tiebreak", ["keys": tieBreak(e.standing.tieBreak)]))
        let s = e.standing
        lines.append(t("op.rank", ["rank": count(s.rank), "count": count(s.comparableCount), "segment": segment(s)]))
        switch s.rule {
        case .capacity: lines.append(t("op.capacity", ["k": count(s.capacity ?? 0), "limit": count(s.selectionLimit ?? 0)]))
        case .proposals(_, let perUnit):
            lines.append(t("op.proposals", ["k": count(s.capacity ?? 0), "per_unit": count(perUnit), "limit": count(s.selectionLimit ?? 0)]))
        case .threshold(let threshold): lines.append(t("op.threshold", ["threshold": number(threshold)]))
        case nil: break
        }
        if let verdict = verdict(s) { lines.append(verdict) }
        return lines
    }

    /// Whether the rule selects the applicant ("put before the commission" under a proposals rule).
    func verdict(_ s: ExplanationStanding) -> String? {
        guard let selected = s.selected else { return nil }
        if case .proposals = s.rule { return t(selected ? "standing.proposed" : "standing.not_proposed") }
        return t(selected ? "standing.selected" : "standing.not_selected")
    }

    /// The average wait sentence.
    func wait(_ w: ExplanationWait) -> String {
        switch w {
        case .notDeclared: t("wait.undeclared")
        case .suppressed(let n, let minimum): t("wait.suppressed", ["count": count(n), "minimum": count(minimum)])
        case .available(let n, let mean, let median):
            t("wait.available", ["count": count(n), "mean": ExplanationFormat.number(mean, language, decimals: 1),
                                 "median": ExplanationFormat.number(median, language, decimals: 1)])
        }
    }
}
