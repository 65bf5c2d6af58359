import AuditMetrics

extension ReportText {
    /// A finding's reason (``FindingReason``) in this language: the rule that decided the
    /// verdict with its figures (at most four decimals, the language's decimal mark; intervals
    /// in brackets, `[0,8 ; 1,25]` with a decimal comma), then the mandated-priority and
    /// p-value-bound notes. `findings.csv` and `report.json` keep the English text
    /// (`reason.description`).
    package func reason(_ r: FindingReason) -> String {
        var text = cause(r.cause)
        switch r.priority {
        case .inFavour(let names)?: text = self(.reasonPriorityInFavour, ["reason": text, "names": names.joined(separator: ", ")])
        case .against(let names)?: text = self(.reasonPriorityAgainst, ["reason": text, "names": names.joined(separator: ", ")])
        case nil: break
        }
        if r.pValueIsUpperBound { text = self(.reasonPValueBound, ["reason": text]) }
        return text
    }

    private func cause(_ c: FindingReason.Cause) -> String {
        func n(_ x: Double) -> String { numbers.decimal(x, upTo: 4) }
        func interval(_ low: Double, _ high: Double) -> String { "[" + n(low) + numbers.intervalSeparator + n(high) + "]" }
        func band(_ b: FindingReason.Band) -> String {
            switch b {
            case .difference(let t): "±" + n(t)
            case .ratio(let low, let high): interval(low, high)
            }
        }
        func p(_ p: Double) -> String { p < 0.0001 ? "< " + n(0.0001) : "= " + n(p) }
        switch c {
        case .belowMinimumSize(let side, let rows, let minimum):
            return self(side == .group ? .reasonBelowMinimumGroup : .reasonBelowMinimumReference, ["rows": count(rows), "minimum": count(minimum)])
        case .tooFewInDenominator(let d, let side, let rows, let minimum):
            return self(side == .group ? .reasonTooFewGroup : .reasonTooFewReference,
                        ["denominator": self(Self.denominatorKey(d)), "rows": count(rows), "minimum": count(minimum)])
        case .valueUndefined(.forGroup): return self(.reasonUndefinedGroup)
        case .valueUndefined(.forReference): return self(.reasonUndefinedReference)
        case .valueUndefined(.referenceIsZero): return self(.reasonUndefinedReferenceZero)
        case .noInterval: return self(.reasonNoInterval)
        case .noMeanInterval: return self(.reasonNoMeanInterval)
        case .outsideWithoutTest(let low, let high, let b):
            return self(.reasonOutsideWithoutTest, ["interval": interval(low, high), "band": band(b)])
        case .outside(let low, let high, let b, let pAdjusted, let alpha):
            return self(.reasonOutside, ["interval": interval(low, high), "band": band(b), "p": p(pAdjusted), "alpha": n(alpha)])
        case .outsideNotSignificant(let low, let high, let b, let pAdjusted):
            return self(.reasonOutsideNotSignificant, ["interval": interval(low, high), "band": band(b), "p": p(pAdjusted)])
        case .within(let low, let high, let b): return self(.reasonWithin, ["interval": interval(low, high), "band": band(b)])
        case .crossesEdge(let low, let high, let b): return self(.reasonCrossesEdge, ["interval": interval(low, high), "band": band(b)])
        }
    }

    static func denominatorKey(_ d: FindingReason.Denominator) -> MessageKey {
        switch d {
        case .rows: .reasonDenominatorRows
        case .labelPositiveRows: .reasonDenominatorLabelPositive
        case .labelNegativeRows: .reasonDenominatorLabelNegative
        case .positiveDecisions: .reasonDenominatorPositiveDecisions
        case .negativeDecisions: .reasonDenominatorNegativeDecisions
        case .households: .reasonDenominatorHouseholds
        case .householdsWithValue: .reasonDenominatorHouseholdsWithValue
        case .applicantsNotSelectedByGrid: .reasonDenominatorNotSelectedByGrid
        case .applicantsSelectedByGrid: .reasonDenominatorSelectedByGrid
        }
    }
}
