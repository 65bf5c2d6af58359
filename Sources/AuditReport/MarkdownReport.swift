import AuditData
import AuditMetrics
import Foundation

/// `report.md`: a readable summary for people, largest disparities first, in plain words.
///
/// It renders the central table and computes nothing new: the findings are the impact
/// ratios below the threshold (four-fifths rule) and the largest gaps in each rate against
/// the reference group, ordered by size.
public enum MarkdownReport {
    /// Rates described in words, in the order they are considered for the summary.
    static let described: [(metric: String, words: String)] = [
        ("selection_rate", "positive-decision rate"),
        ("fpr", "false positive rate"),
        ("fnr", "false negative rate"),
        ("tpr", "true positive rate"),
        ("ppv", "precision (PPV)"),
        ("accuracy", "accuracy"),
        ("base_rate", "base rate (label prevalence)"),
    ]

    /// The report's text.
    public static func render(_ result: AuditResult) -> String {
        var md = "# Fairness audit report\n\n"
        let file = result.spec.dataPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        md += "Data: `\(escape(file))`, \(result.rowCount) rows\(result.weighted ? " (weighted by `\(escape(result.spec.weight ?? ""))`)" : ""). "
        md += "Protected attributes: \(result.spec.protected.map { "`\(escape($0.column))`" }.joined(separator: ", "))"
        md += result.spec.intersections >= 2 ? ", and their intersections up to order \(result.spec.intersections).\n" : ".\n"
        if let d = result.spec.decision {
            md += "Decision: `\(escape(d.column))`\(d.threshold.map { " ≥ \(NumberFormat.exact($0))" } ?? ""), \(result.spec.decisionIs == .favourable ? "favourable to the person" : "unfavourable to the person"). "
        }
        if let l = result.spec.label { md += "Label (ground truth): `\(escape(l.column))`. " }
        md += "Four-fifths threshold: \(NumberFormat.exact(result.spec.impactRatioThreshold)); minimum group size: \(result.spec.minGroupSize).\n\n"

        if result.hasLabel || result.hasDecision {
            md += "## Largest disparities\n\n"
            let (impacts, gaps) = Self.findings(result)
            if impacts.isEmpty {
                md += result.hasDecision ? "No group falls below the four-fifths threshold.\n\n" : "The audit has no decision column, so no impact ratio.\n\n"
            } else {
                for finding in impacts.prefix(10) { md += "- \(finding.text)\n" }
                if impacts.count > 10 {
                    let rest = impacts.dropFirst(10)
                    let small = rest.filter(\.small).count
                    md += "- … and \(rest.count) more below the threshold"
                    md += small > 0 ? " (\(small) of them small or `unknown` groups)" : ""
                    md += " in `metrics.csv` (`adverse_impact` = 1).\n"
                }
                md += "\n"
            }
            if !gaps.isEmpty {
                md += "Largest gaps against the reference group:\n\n"
                for finding in gaps { md += "- \(finding.text)\n" }
                md += "\n"
            }
            md += "These are point estimates; the verdicts below say which gaps are real. Groups marked † have fewer than \(result.spec.minGroupSize) rows.\n\n"
            if result.findings.isEmpty { md = md.replacingOccurrences(of: "the verdicts below say which gaps are real", with: "no comparison could be tested") }
        }
        md += verdicts(result)

        if let allocation = result.allocation { md += allocationSection(allocation, result: result) }
        if result.hasLabel || result.hasDecision {
            for attribute in result.attributes {
                md += table(attribute, result: result)
            }
        }

        let undefined = result.attributes.flatMap { a in
            a.groups.filter { $0.statistics.count > 0 }.flatMap { g in
                g.metrics.compactMap { e in e.value.reason.map { "`\(escape(a.name))` = `\(escape(g.label))`: `\(e.name)` undefined — \($0)" } }
            }
        }
        if !undefined.isEmpty {
            md += "## Undefined values\n\nA rate whose denominator is zero has no value; it is reported as undefined, never as 0.\n\n"
            for line in undefined.prefix(30) { md += "- \(line)\n" }
            if undefined.count > 30 { md += "- … \(undefined.count - 30) more in `metrics.csv` (status `undefined`).\n" }
            md += "\n"
        }
        if !result.warnings.isEmpty {
            md += "## Warnings\n\n"
            for w in result.warnings { md += "- \(escapeText(w))\n" }
            md += "\n"
        }
        md += "## Method\n\n"
        if result.hasLabel || result.hasDecision {
            md += "Each rate is computed per group from the confusion counts (TP, FP, TN, FN\(result.weighted ? ", as sums of weights" : "")); "
            md += "differences and ratios are taken against each attribute's reference group; the impact ratio divides a group's favourable-outcome rate by the highest such rate among groups of at least the minimum size (29 CFR 1607.4(D), NYC Local Law 144). "
        }
        if let allocation = result.allocation {
            md += "The allocation `\(escape(allocation.quantity))` is summarised per group by its mean, median and per-person amount, compared with the reference group by their ratios; households below their declared need are counted; inequality is measured by the Gini index, Theil's indices (with their exact split between and within groups), Atkinson's indices, the Palma ratio and the shares of the least- and best-served households; the concentration index measures whether the allocation goes more to the better-off (positive) by `rank_by`. "
            if result.spec.tariff != nil { md += "Bills are computed from the volumes with the declared tariff (`\(escape(URL(fileURLWithPath: result.spec.tariff!.model).lastPathComponent))`); a bill above 3 % of income counts as unaffordable. " }
            if result.spec.drought != nil { md += "The drought rule (`\(escape(URL(fileURLWithPath: result.spec.drought!.rule).lastPathComponent))`) cuts each household's volume above a protected amount per person; each group's share of the total cut is set beside its share of persons. " }
            md += "Intersections of attributes are in `metrics.csv` and `report.json`. Definitions: `docs/allocation.md`. "
        }
        md += "Rows with a missing protected value form the explicit `unknown` group. Definitions: `docs/metrics.md`. All values: `report.json`, `metrics.csv`.\n"
        return md
    }

    /// The allocation audit: inequality overall, then per attribute the groups' means,
    /// medians, per-capita amounts, shortfall, affordability and drought burden, and the
    /// between/within decomposition.
    static func allocationSection(_ a: AllocationResult, result: AuditResult) -> String {
        func value(_ e: MetricEntry?, digits: Int = 2, percent: Bool = false) -> String {
            guard let e, let x = e.value.value else { return e == nil ? "" : "undefined" }
            return percent ? NumberFormat.percent(x) : NumberFormat.fixed(x, digits: digits)
        }
        var md = "## Allocation: `\(escape(a.quantity))`\n\n"
        let o = a.overall
        md += "\(o.households) households\(a.missing > 0 ? " (\(a.missing) without a value, left out)" : ""). "
        md += "Mean \(value(o["allocation_mean"])), median \(value(o["allocation_median"]))"
        if let pc = o["allocation_per_capita"], pc.value.value != nil { md += ", per person \(value(pc))" }
        md += ". Inequality: Gini \(value(o["gini"], digits: 3))"
        if let ci = o["gini"]?.bootstrapInterval { md += " (\(NumberFormat.fixed(result.spec.inference.level * 100, digits: 0)) % bootstrap interval \(NumberFormat.fixed(ci.low, digits: 3))–\(NumberFormat.fixed(ci.high, digits: 3)))" }
        md += ", Theil T \(value(o["theil_t"], digits: 3)), Theil L \(value(o["theil_l"], digits: 3)), Atkinson(1) \(value(o["atkinson_1"], digits: 3)), Palma \(value(o["palma"], digits: 2))"
        if o["share_0_40"]?.value.value != nil, o["share_90_100"]?.value.value != nil {
            md += "; the 40 % of households receiving least hold \(value(o["share_0_40"], percent: true)) of the total, the 10 % receiving most hold \(value(o["share_90_100"], percent: true))"
        }
        md += "."
        if let curve = a.concentration, let point = curve.first(where: { abs($0.p - 0.4) < 1e-9 }) {
            md += " Ranked by `\(escape(result.spec.rankBy ?? ""))` instead, the poorest 40 % hold \(NumberFormat.percent(point.share))."
        }
        let undefinedIndices = [("theil_l", "Theil L"), ("atkinson_1", "Atkinson(1)"), ("atkinson_2", "Atkinson(2)"), ("gini", "Gini")].filter { o[$0.0]?.value.reason != nil }
        if let first = undefinedIndices.first, let reason = o[first.0]?.value.reason {
            md += " (\(undefinedIndices.map(\.1).joined(separator: ", ")) undefined: \(escapeText(reason)).)"
        }
        if let ci = o["concentration_index"], ci.value.value != nil {
            md += " Concentration index by `\(escape(result.spec.rankBy ?? ""))`: \(value(ci, digits: 3)) (positive: more goes to the better-off)."
        }
        if let ci = o["concentration_index_free_volume"], ci.value.value != nil {
            md += " The free cubic metres of the tariff have a concentration index of \(value(ci, digits: 3)) by `\(escape(result.spec.rankBy ?? ""))`."
        }
        if let share = o["effort_above_3pct_share"], share.value.value != nil {
            md += " \(value(share, percent: true)) of households pay more than 3 % of their income for water."
        }
        md += "\n\n"
        for attr in a.attributes where !attr.name.contains("*") {
            md += "### `\(escape(attr.name))`\(attr.reference.map { " (reference `\(escape($0))`)" } ?? "")\n\n"
            var columns: [(String, String, Bool)] = [("allocation_mean", "mean", false), ("allocation_median", "median", false)]
            if o["allocation_per_capita"]?.value.value != nil { columns.append(("allocation_per_capita", "per person", false)) }
            if o["shortfall_share"]?.value.value != nil { columns.append(("shortfall_share", "below need", true)) }
            if o["bill_mean"] != nil { columns += [("bill_mean", "mean bill", false), ("water_price_per_m3", "€ per m³ (water part)", false)] }
            if o["effort_above_3pct_share"] != nil { columns.append(("effort_above_3pct_share", "bill > 3 % income", true)) }
            if o["drought_reduction_share"] != nil { columns += [("drought_reduction_share", "share of the drought cut", true), ("drought_person_share", "share of persons", true)] }
            columns.append(("gini", "Gini", false))
            md += "| group | households | " + columns.map(\.1).joined(separator: " | ") + " | mean ratio |\n|---|---:|" + columns.map { _ in "---:|" }.joined() + "---:|\n"
            for g in attr.groups {
                var label = "`\(escape(g.label))`"
                if g.isReference { label += " (ref.)" }
                if g.belowMinSize { label += " †" }
                let cells = columns.map { value(g[$0.0], digits: $0.0 == "gini" ? 3 : 2, percent: $0.2) }
                md += "| \(label) | \(g.households) | " + cells.joined(separator: " | ") + " | \(value(g["allocation_mean_ratio"])) |\n"
            }
            let d = attr.decompositions
            if let between = d.first(where: { $0.name == "theil_t_between" })?.value.value, let within = d.first(where: { $0.name == "theil_t_within" })?.value.value, between + within > 0 {
                md += "\nTheil T decomposition: \(NumberFormat.percent(between / (between + within))) of the inequality lies between the groups of `\(escape(attr.name))`, the rest within them.\n"
            }
            md += "\n"
        }
        return md
    }

    /// Names of compared rates, in words.
    static func words(_ metric: String) -> String {
        described.first { $0.metric == metric }?.words ?? metric
    }

    /// The verdict section: counts, the disparities found, what cannot be told and why, and
    /// the worst intersections with their uncertainty.
    static func verdicts(_ result: AuditResult) -> String {
        let findings = result.findings
        guard !findings.isEmpty else { return "" }
        let spec = result.spec, inference = spec.inference
        let level = NumberFormat.fixed(inference.level * 100, digits: 0)
        var md = "## Verdicts\n\n"
        let count = { (v: Verdict) in findings.filter { $0.verdict == v }.count }
        md += "Each gap against the reference group is judged with its \(level) % interval and a test adjusted across the \(Set(findings.filter { $0.pValue != nil }.map { "\($0.attribute)|\($0.group)|\($0.metric)" }).count + result.independenceTests.count) tests of this audit (\(inference.adjust == .holm ? "Holm" : inference.adjust == .bh ? "Benjamini–Hochberg" : "no adjustment")). "
        md += "Tolerance: differences within ±\(NumberFormat.fixed(inference.differenceTolerance * 100, digits: 1)) points, ratios within [\(NumberFormat.fixed(spec.impactRatioThreshold, digits: 2)), \(NumberFormat.fixed(1 / spec.impactRatioThreshold, digits: 2))].\n\n"
        // Each comparison is judged on two scales, difference and ratio; counted separately.
        let count2 = { (v: Verdict, k: AuditMetrics.Finding.Kind) in findings.filter { $0.verdict == v && $0.kind == k }.count }
        md += "| verdict | on the difference | on the ratio |\n|---|---:|---:|\n"
        md += "| disparity | \(count2(.disparity, .difference)) | \(count2(.disparity, .ratio)) |\n"
        md += "| no disparity beyond the tolerance | \(count2(.noDisparity, .difference)) | \(count2(.noDisparity, .ratio)) |\n"
        md += "| insufficient evidence | \(count2(.insufficientEvidence, .difference)) | \(count2(.insufficientEvidence, .ratio)) |\n\n"
        _ = count

        // Disparities: differences only (each has a ratio twin), single attributes first, largest first.
        let real = findings.filter { $0.verdict == .disparity && $0.kind == .difference }
            .sorted { ($0.isIntersection ? 1 : 0, -abs($0.value.value ?? 0)) < ($1.isIntersection ? 1 : 0, -abs($1.value.value ?? 0)) }
        if !real.isEmpty {
            md += "**Disparities** (interval outside the tolerance, significant after adjustment):\n\n"
            for f in real.prefix(12) {
                let d = f.value.value ?? 0
                md += "- `\(escape(f.attribute))` = `\(escape(f.group))`: \(words(f.metric)) \(NumberFormat.fixed(abs(d) * 100, digits: 1)) points \(d > 0 ? "higher" : "lower") than `\(escape(f.reference))`"
                if let ci = f.interval { md += " (\(level) % interval \(NumberFormat.fixed(ci.low * 100, digits: 1)) to \(NumberFormat.fixed(ci.high * 100, digits: 1)) points)" }
                md += ".\n"
            }
            if real.count > 12 { md += "- … \(real.count - 12) more in `findings.csv`.\n" }
            md += "\n"
        }
        // What cannot be told: small groups, with the smallest gap their size could reveal.
        let unsure = findings.filter { $0.verdict == .insufficientEvidence && $0.kind == .difference && !$0.isIntersection && ($0.metric == "selection_rate" || $0.metric == "base_rate") }
        if !unsure.isEmpty {
            md += "**Where we cannot tell** (\(words(unsure[0].metric))):\n\n"
            for f in unsure.prefix(10) {
                md += "- `\(escape(f.attribute))` = `\(escape(f.group))` (\(f.groupRows) people): \(escapeText(f.reason))"
                if f.groupRows > 0, (result[f.attribute]?[f.group]?.belowMinSize ?? false) {
                    md += ". No verdict is given below \(spec.minGroupSize) rows"
                    if let test = (f.value.value ?? 0) < 0 ? f.minimumDetectableDecrease : f.minimumDetectableIncrease {
                        md += "; a single test of no difference would notice only a gap of \(NumberFormat.fixed(test * 100, digits: 1)) points or more"
                    }
                } else if let gap = f.verdictDetectableGap {
                    md += ". With these numbers, a `disparity` verdict needs a true gap of about \(NumberFormat.fixed(gap * 100, digits: 1)) points or more (power \(NumberFormat.fixed(inference.power * 100, digits: 0)) %)"
                    let observed = f.value.value ?? 0
                    if let test = observed < 0 ? f.minimumDetectableDecrease : f.minimumDetectableIncrease {
                        md += "; a single test of no difference would notice \(NumberFormat.fixed(test * 100, digits: 1)) points"
                    }
                }
                md += ".\n"
            }
            if unsure.count > 10 { md += "- … \(unsure.count - 10) more in `findings.csv`.\n" }
            md += "\n"
        }
        // Power, in plain words, for single attributes.
        let powerRows = findings.filter { !$0.isIntersection && $0.kind == .difference }
        if !powerRows.isEmpty {
            let metrics = Array(Set(powerRows.map(\.metric))).sorted { a, b in
                (described.firstIndex { $0.metric == a } ?? 99) < (described.firstIndex { $0.metric == b } ?? 99)
            }
            md += "**What this audit could detect**: for each comparison, the smallest true gap against the reference, in points, that would earn a `disparity` verdict \(NumberFormat.fixed(inference.power * 100, digits: 0)) % of the time — its interval wholly beyond the tolerance and its test significant after adjustment — and, in brackets, the smaller gap a single unadjusted test of no difference would notice (α \(NumberFormat.fixed(inference.alpha, digits: 2))). Larger numbers mean fewer people and less certainty.\n\n"
            md += "| attribute | group | people | " + metrics.map { words($0) }.joined(separator: " | ") + " |\n|---|---|---:|" + metrics.map { _ in "---:|" }.joined() + "\n"
            var seen = Set<String>()
            for f in powerRows where seen.insert("\(f.attribute)|\(f.group)").inserted {
                let people = result[f.attribute]?[f.group]?.statistics.count ?? 0
                var cells: [String] = []
                for m in metrics {
                    let g = powerRows.first { $0.attribute == f.attribute && $0.group == f.group && $0.metric == m }
                    let test = [g?.minimumDetectableDecrease, g?.minimumDetectableIncrease].compactMap { $0 }.max()
                    if let verdict = g?.verdictDetectableGap {
                        cells.append(NumberFormat.fixed(verdict * 100, digits: 1) + (test.map { " (" + NumberFormat.fixed($0 * 100, digits: 1) + ")" } ?? ""))
                    } else {
                        cells.append("—")
                    }
                }
                md += "| `\(escape(f.attribute))` | `\(escape(f.group))` | \(people) | " + cells.joined(separator: " | ") + " |\n"
            }
            md += "\n"
        }
        // Worst intersections first, by the size of their selection-rate ratio (or base rate).
        let inter = findings.filter {
            $0.isIntersection && $0.kind == .ratio && ($0.metric == "selection_rate" || $0.metric == "base_rate")
                && $0.value.value != nil && $0.interval != nil && (result[$0.attribute]?[$0.group]?.statistics.count ?? 0) >= spec.minGroupSize
        }
            .sorted { abs(log($0.value.value!)) > abs(log($1.value.value!)) }
        if !inter.isEmpty {
            md += "**Intersections, worst first** (\(words(inter[0].metric)) ratio to the reference, \(level) % interval):\n\n| intersection | group | rows | ratio | interval | verdict |\n|---|---|---:|---:|---|---|\n"
            for f in inter.prefix(10) {
                let ci = f.interval.map { "\(NumberFormat.fixed($0.low, digits: 2))–\(NumberFormat.fixed($0.high, digits: 2))" } ?? "undefined"
                md += "| `\(escape(f.attribute))` | `\(escape(f.group))` vs `\(escape(f.reference))` | \(f.groupRows) | \(NumberFormat.fixed(f.value.value!, digits: 2)) | \(ci) | \(f.verdict.rawValue.replacingOccurrences(of: "_", with: " ")) |\n"
            }
            md += "\n"
        }
        return md
    }

    struct Finding {
        let size: Double
        var small = false
        let text: String
    }

    /// The order of findings: adverse impacts on single attributes first, then on
    /// intersections, each smallest ratio first; groups below the minimum size or `unknown`
    /// after those; then the largest rate gaps against the reference, among groups of at
    /// least the minimum size (and rates over at least that many people), single attributes first.
    static func findings(_ result: AuditResult) -> (impacts: [Finding], gaps: [Finding]) {
        var impacts: [(rank: Int, finding: Finding)] = []
        var gaps: [(rank: Int, finding: Finding)] = []
        for a in result.attributes {
            // The reference group is listed too: the impact ratio compares with the most
            // favoured group, and the reference (e.g. the largest group) may be far below it.
            for g in a.groups where g.statistics.count > 0 {
                let small = g.belowMinSize || g.isUnknown
                let mark = g.belowMinSize ? " †" : ""
                if g.adverseImpact == true, let ir = g.impactRatio?.value {
                    let rate = result.spec.decisionIs == .favourable ? "positive decisions" : "favourable outcomes"
                    let rank = (small ? 2 : 0) + (a.isIntersection ? 1 : 0)
                    impacts.append((rank, Finding(size: 1 - ir, small: small, text: "**`\(escape(a.name))` = `\(escape(g.label))`**\(mark)\(g.isReference ? " (the reference group)" : "")\(g.isUnknown ? " (protected value missing)" : "") (n = \(g.statistics.count)) receives \(rate) at \(NumberFormat.fixed(ir, digits: 2)) times the rate of the most favoured group — below the four-fifths threshold.")))
                }
                guard !small, !g.isReference else { continue }
                for (metric, words) in described {
                    // Only rates over at least the minimum number of people are ranked here.
                    guard let entry = g.metrics.first(where: { $0.name == metric }), entry.n >= result.spec.minGroupSize,
                          let mine = entry.value.value, let diff = g["\(metric)_difference"]?.value, diff != 0 else { continue }
                    let theirs = mine - diff
                    let direction = diff > 0 ? "higher" : "lower"
                    gaps.append((a.isIntersection ? 1 : 0, Finding(size: abs(diff), text: "`\(escape(a.name))` = `\(escape(g.label))`: \(words) \(NumberFormat.percent(mine)) against \(NumberFormat.percent(theirs)) for `\(escape(a.reference.label))` — \(NumberFormat.fixed(abs(diff) * 100, digits: 1)) points \(direction).")))
                }
            }
        }
        impacts.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.finding.size > $1.finding.size }
        gaps.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.finding.size > $1.finding.size }
        return (impacts.map(\.finding), gaps.prefix(8).map(\.finding))
    }

    static func table(_ a: AttributeResult, result: AuditResult) -> String {
        var columns: [(String, String)] = [("count", "n")]
        if result.hasDecision { columns.append(("selection_rate", "selection rate")) }
        if result.hasLabel { columns.append(("base_rate", "base rate")) }
        if result.hasLabel && result.hasDecision {
            columns += [("tpr", "TPR"), ("fpr", "FPR"), ("fnr", "FNR"), ("ppv", "PPV"), ("accuracy", "accuracy")]
        }
        if result.hasScore { columns.append(("score_mean", "mean score")) }
        var md = "## `\(escape(a.name))`\n\nReference: `\(escape(a.reference.label))` (\(a.reference.rule.label))"
        if let note = a.reference.note { md += " — \(escapeText(note))" }
        md += "."
        if case .quantiles = a.binning, !a.cutPoints.isEmpty {
            md += " Quantile groups cut at " + a.cutPoints.map { NumberFormat.exact($0) }.joined(separator: ", ") + " (each group includes its upper cut point)."
        }
        md += "\n\n| group | " + columns.map(\.1).joined(separator: " | ") + (result.hasDecision ? " | impact ratio |" : " |") + "\n"
        md += "|---|" + columns.map { _ in "---:" }.joined(separator: "|") + (result.hasDecision ? "|---:|" : "|") + "\n"
        for g in a.groups where g.statistics.count > 0 {
            var label = "`\(escape(g.label))`"
            if g.isReference { label += " (ref.)" }
            if g.belowMinSize { label += " †" }
            var cells = [label]
            for (metric, _) in columns {
                guard let v = g[metric] else { cells.append(""); continue }
                switch v {
                case .defined(let x):
                    switch metric {
                    case "count": cells.append(NumberFormat.exact(x))
                    case "selection_rate":
                        var cell = NumberFormat.percent(x)
                        if let ci = g.metrics.first(where: { $0.name == metric })?.interval {
                            cell += " (\(NumberFormat.fixed(ci.low * 100, digits: 1))–\(NumberFormat.fixed(ci.high * 100, digits: 1)))"
                        }
                        cells.append(cell)
                    case "score_mean": cells.append(NumberFormat.fixed(x, digits: 2))
                    default: cells.append(NumberFormat.percent(x))
                    }
                case .undefined: cells.append("undefined")
                case .suppressed: cells.append("suppressed")
                }
            }
            if result.hasDecision {
                switch g.impactRatio {
                case .defined(let x)?: cells.append(NumberFormat.fixed(x, digits: 2) + (g.adverseImpact == true ? " ⚠" : ""))
                default: cells.append("undefined")
                }
            }
            md += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if result.hasDecision {
            md += "\n¹ Favourable-outcome rate over that of the most favoured group of at least \(result.spec.minGroupSize) rows (not over the reference); ⚠ below \(NumberFormat.exact(result.spec.impactRatioThreshold)).\n"
        }
        let empty = a.groups.filter { $0.statistics.count == 0 }.count
        if empty > 0 { md += "\n\(empty) combination\(empty == 1 ? "" : "s") of groups with no rows not shown.\n" }
        if !a.aggregates.isEmpty {
            md += "\n" + a.aggregates.compactMap { e in e.value.value.map { "`\(e.name)` \(NumberFormat.fixed($0, digits: 4))" } }.joined(separator: " · ") + "\n"
        }
        return md + "\n"
    }

    /// Escapes text from the data for a Markdown code span (where every data label is
    /// shown): code spans are literal, so HTML in a label renders as text; a backtick would
    /// close the span and becomes `'`; a pipe would split a table cell and is escaped;
    /// line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "`": out += "'"
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Escapes free text (warnings) that may quote data labels outside code spans.
    static func escapeText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`", "*", "_", "[", "]", "\\", "|": out += "\\" + String(ch)
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
