import AuditAssessment
import AuditData
import AuditMetrics
import Foundation

/// `vigie audit --junit FILE`: the audit as a JUnit XML test report, the format the test
/// reporters of GitLab, Jenkins and GitHub Actions read, so that a pipeline shows each
/// disparity as a failed test with its message.
///
/// Layout (validated against the Jenkins xUnit plugin's `junit-10.xsd`, committed in
/// `Tests/junit/` with its source):
/// - `testsuites` (`name`, `tests`, `failures`, `errors`), holding
/// - the suite **gates**: one test case per gate of `AuditGates` — the impact-ratio threshold
///   (`--fail-on-disparity`) and the verdicts (`--fail-on-verdict`). A gate that trips is a
///   `failure` whether or not the command enforces it (the message says which); a gate with
///   nothing to check (no decision column, no finding) is `skipped`. Its `properties` record
///   the data file's name, the row count, the threshold and Vigie's version;
/// - the suite **impact ratios**: one test case per group with an impact ratio, named
///   `attribute=group`: `failure` when the group trips the gate, `skipped` when it is below
///   the threshold but not gated (fewer than `min_group_size` rows, or `unknown`), when the
///   ratio is undefined, or when the group is suppressed (then with no figure: disclosure
///   control); passed otherwise;
/// - one suite **findings: attribute** per attribute or intersection with findings: one test
///   case per finding (`findings.csv` row): `failure` for the verdict `disparity`, `skipped`
///   for `insufficient_evidence`, passed for `no_disparity`. The message is the verdict and
///   the finding's `reason` as `findings.csv` gives it (in English); the element's text gives
///   the value, interval, adjusted p-value and denominators.
///
/// Nothing about a suppressed group's rates appears: findings about suppressed groups were
/// withheld by `DisclosureControl`, and a suppressed group's impact-ratio case carries only
/// its label and the word "suppressed". The file has no time or timestamp, so the same audit
/// gives the same bytes. Test names are in the spec's language (`--lang`); class names
/// (`vigie.gates`, `vigie.impact_ratio.<attribute>`, `vigie.findings.<attribute>`) are not.
public struct JUnitReport {
    let result: AuditResult
    let gates: AuditGates
    let t: ReportText

    /// - Parameter language: the language of the test names and messages (the spec's `lang:`).
    public init(_ result: AuditResult, gates: AuditGates, language: ReportLanguage = .en) {
        self.result = result
        self.gates = gates
        self.t = ReportText(language)
    }

    /// One test case and its outcome.
    struct Case {
        enum Outcome { case passed, failure(type: String, message: String, details: String), skipped(type: String, message: String, details: String) }
        var classname: String
        var name: String
        var outcome: Outcome
    }

    /// One suite: its name, properties and cases.
    struct Suite {
        var name: String
        var properties: [(String, String)] = []
        var cases: [Case]
        var failures: Int { cases.filter { if case .failure = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    }

    /// The report's XML text (UTF-8).
    public func render() -> String {
        let suites = [gateSuite()] + (impactRatioSuite().map { [$0] } ?? []) + findingSuites()
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(XMLEscape.attribute(ReportInline.plainText(t.runs(.junitTitle, ["file": .label(fileName)]))))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(XMLEscape.attribute(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skipped)\">\n"
            if !suite.properties.isEmpty {
                out += "    <properties>\n"
                for (name, value) in suite.properties {
                    out += "      <property name=\"\(XMLEscape.attribute(name))\" value=\"\(XMLEscape.attribute(value))\"/>\n"
                }
                out += "    </properties>\n"
            }
            for c in suite.cases {
                let head = "    <testcase classname=\"\(XMLEscape.attribute(c.classname))\" name=\"\(XMLEscape.attribute(c.name))\""
                switch c.outcome {
                case .passed:
                    out += head + "/>\n"
                case .failure(let type, let message, let details), .skipped(let type, let message, let details):
                    let element = if case .failure = c.outcome { "failure" } else { "skipped" }
                    out += head + ">\n"
                    out += "      <\(element) type=\"\(XMLEscape.attribute(type))\" message=\"\(XMLEscape.attribute(message))\">\(XMLEscape.text(details))</\(element)>\n"
                    out += "    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    // MARK: suites

    func gateSuite() -> Suite {
        var cases: [Case] = []
        let threshold = t.fixed(gates.impactRatioThreshold, 2)
        let ratioName = t(.junitGateImpactRatio, ["threshold": threshold])
        if !gates.hasDecision {
            cases.append(Case(classname: "vigie.gates", name: ratioName, outcome: .skipped(type: "not_applicable", message: t(.junitGateNoDecision), details: "")))
        } else if gates.impactRatioFails {
            let message = t(.junitGateImpactRatioFailed, ["count": t.count(gates.belowThreshold.count), "min": t.count(result.analysis.minGroupSize), "threshold": threshold])
            let groups = gates.belowThreshold.map { g in
                "\(g.attribute)=\(g.group.label): \(g.withheld ? t(.wordSuppressed) : g.group.impactRatio?.value.map { t.fixed($0, 3) } ?? t(.wordUndefined))"
            }
            let details = ([enforcement(gates.enforcesImpactRatio, flag: "--fail-on-disparity")] + groups).joined(separator: "\n")
            cases.append(Case(classname: "vigie.gates", name: ratioName, outcome: .failure(type: "impact_ratio_threshold", message: message, details: details)))
        } else {
            cases.append(Case(classname: "vigie.gates", name: ratioName, outcome: .passed))
        }
        let verdictName = t(.junitGateVerdicts)
        if result.findings.isEmpty {
            cases.append(Case(classname: "vigie.gates", name: verdictName, outcome: .skipped(type: "not_applicable", message: t(.junitGateNoFindings), details: "")))
        } else if gates.verdictsFail {
            let message = t(.junitGateVerdictsFailed, ["count": t.count(gates.disparities.count + gates.withheldDisparities.count)])
            let findings = gates.disparities.map { f in "\(f.attribute)=\(f.group) / \(f.reference): \(f.metric) (\(t(named: "junit.kind.\(f.kind.rawValue)"))) \(number(f.value.value, 4))" }
                + gates.withheldDisparities.map { w in "\(w.attribute)=\(w.group): \(w.metric.name) \(t(.wordSuppressed))" }
            let details = ([enforcement(gates.enforcesVerdicts, flag: "--fail-on-verdict")] + findings).joined(separator: "\n")
            cases.append(Case(classname: "vigie.gates", name: verdictName, outcome: .failure(type: "disparity", message: message, details: details)))
        } else {
            cases.append(Case(classname: "vigie.gates", name: verdictName, outcome: .passed))
        }
        let properties = [
            ("vigie.version", ReportVersion.vigie), ("data", fileName), ("rows", String(result.rowCount)),
            ("impact_ratio_threshold", NumberFormat.exact(gates.impactRatioThreshold)), ("min_group_size", String(result.analysis.minGroupSize)),
            ("min_cell_size", String(result.analysis.minCellSize)),
        ]
        return Suite(name: t(.junitSuiteGates), properties: properties, cases: cases)
    }

    func impactRatioSuite() -> Suite? {
        guard gates.hasDecision else { return nil }
        let threshold = t.fixed(gates.impactRatioThreshold, 2)
        var cases: [Case] = []
        for attribute in result.attributes {
            for g in attribute.groups {
                guard let ratio = g.impactRatio else { continue }
                let classname = "vigie.impact_ratio.\(attribute.name)"
                let name = "\(attribute.name)=\(g.label)"
                let outcome: Case.Outcome
                switch ratio {
                case .suppressed:
                    outcome = .skipped(type: "suppressed", message: t(.wordSuppressed), details: "")
                case .undefined(let reason), .upperBound(_, let reason):  // a ratio is never a bound; kept total
                    outcome = .skipped(type: "undefined", message: t(.junitRatioUndefined, ["reason": t.undefinedRatioReason(reason)]), details: "")
                case .defined(let x):
                    let args = ["ratio": t.fixed(x, 3), "threshold": threshold, "min": t.count(result.analysis.minGroupSize)]
                    if g.adverseImpact != true {
                        outcome = .passed
                    } else if g.isUnknown {
                        outcome = .skipped(type: "not_gated", message: t(.junitRatioUnknown, args), details: "")
                    } else if g.belowMinSize {
                        outcome = .skipped(type: "not_gated", message: t(.junitRatioSmall, args), details: "")
                    } else {
                        outcome = .failure(type: "impact_ratio_threshold", message: t(.junitRatioBelow, args), details: "")
                    }
                }
                cases.append(Case(classname: classname, name: name, outcome: outcome))
            }
        }
        return Suite(name: t(.junitSuiteImpactRatios), cases: cases)
    }

    func findingSuites() -> [Suite] {
        var suites: [Suite] = []
        for attribute in result.attributes {
            let findings = result.findings.filter { $0.attribute == attribute.name }
            guard !findings.isEmpty else { continue }
            let cases = findings.map { f -> Case in
                let name = ReportInline.plainText(t.runs(.junitCaseFinding, [
                    "group": .label(f.group), "reference": .label(f.reference), "metric": .label(f.metric.name), "kind": .text(t(named: "junit.kind.\(f.kind.rawValue)")),
                ]))
                let message = t(.junitMessage, ["verdict": t(named: "verdict.\(f.verdict.rawValue)"), "reason": t.reason(f.reason)])
                let outcome: Case.Outcome = switch f.verdict {
                case .disparity: .failure(type: f.verdict.rawValue, message: message, details: details(f))
                case .insufficientEvidence: .skipped(type: f.verdict.rawValue, message: message, details: details(f))
                case .noDisparity, .intended: .passed
                }
                return Case(classname: "vigie.findings.\(attribute.name)", name: name, outcome: outcome)
            }
            suites.append(Suite(name: ReportInline.plainText(t.runs(.junitSuiteFindings, ["attribute": .label(attribute.name)])), cases: cases))
        }
        return suites
    }

    // MARK: pieces

    /// The data file's name (never its folder).
    var fileName: String { result.data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data" }

    func enforcement(_ enforced: Bool, flag: String) -> String {
        t(enforced ? MessageKey.junitGateEnforced : .junitGateNotEnforced, ["flag": flag])
    }

    /// A finding's figures, as the element's text.
    func details(_ f: Finding) -> String {
        let interval = f.interval.map { t(.junitInterval, ["low": number($0.low, 4), "high": number($0.high, 4)]) } ?? t(.wordUndefined)
        let p = f.pAdjusted.map { $0 < 0.0001 ? "< " + t.fixed(0.0001, 4) : t.fixed($0, 4) } ?? t(.wordUndefined)
        let figures = t(.junitFindingDetails, [
            "value": number(f.value.value, 4), "level": t.fixed(result.analysis.inference.level * 100, 0), "interval": interval, "p": p,
            "group_rows": t.count(f.groupRows), "reference_rows": t.count(f.referenceRows),
        ])
        return figures + "\n" + ReportInline.plainText(t.runs(.junitFindingReason, ["reason": .text(t.reason(f.reason))]))
    }

    /// A value with `digits` decimals in the report's language; `undefined` when missing.
    func number(_ x: Double?, _ digits: Int) -> String {
        x.map { t.fixed($0, digits) } ?? t(.wordUndefined)
    }
}
