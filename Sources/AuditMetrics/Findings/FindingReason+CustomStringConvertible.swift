/// The English text of a reason: the `reason` column of `findings.csv` and the `reason` of
/// `report.json`'s findings (stable: the same text the free-text reasons had). Numbers with
/// four decimals at most (``FindingsBuilder/format(_:)``).
extension FindingReason: CustomStringConvertible {
    public var description: String {
        var text = Self.english(cause)
        switch priority {
        case .inFavour(let names)?: text += "; in favour of the mandated priority (\(names.joined(separator: ", "))): intended by the rules"
        case .against(let names)?: text += "; against the mandated priority (\(names.joined(separator: ", "))), which the rules want favoured"
        case nil: break
        }
        if pValueIsUpperBound { text += "; " + PublishedPValue.boundReason("the test's p-value") }
        return text
    }

    static func english(_ cause: Cause) -> String {
        let f = FindingsBuilder.format
        func interval(_ low: Double, _ high: Double) -> String { "[\(f(low)), \(f(high))]" }
        func band(_ b: Band) -> String {
            switch b {
            case .difference(let t): "±\(f(t))"
            case .ratio(let low, let high): "[\(f(low)), \(f(high))]"
            }
        }
        switch cause {
        case .belowMinimumSize(.group, let rows, let minimum): return "group below the minimum size (\(rows) < \(minimum) rows)"
        case .belowMinimumSize(.reference, let rows, let minimum): return "reference group below the minimum size (\(rows) < \(minimum) rows)"
        case .tooFewInDenominator(let d, .group, let rows, let minimum): return "too few \(d.rawValue) in the group (\(rows) < \(minimum))"
        case .tooFewInDenominator(let d, .reference, let rows, let minimum): return "too few \(d.rawValue) in the reference (\(rows) < \(minimum))"
        case .valueUndefined(.forGroup(let detail)), .valueUndefined(.forReference(let detail)), .valueUndefined(.referenceIsZero(let detail)):
            return "value undefined: \(detail)"
        case .noInterval: return "no interval: a zero count on one side"
        case .noMeanInterval: return "no interval: the means have no analytic interval (a weighted audit, or fewer than 2 households)"
        case .outsideWithoutTest(let low, let high, let b): return "interval \(interval(low, high)) outside the tolerance \(band(b)), but no test"
        case .outside(let low, let high, let b, let p, let alpha):
            return "interval \(interval(low, high)) outside the tolerance \(band(b)); adjusted p \(FindingsBuilder.formatP(p)) < \(f(alpha))"
        case .outsideNotSignificant(let low, let high, let b, let p):
            return "interval \(interval(low, high)) outside the tolerance \(band(b)), but not significant after adjustment (adjusted p \(FindingsBuilder.formatP(p)))"
        case .within(let low, let high, let b): return "interval \(interval(low, high)) within the tolerance \(band(b))"
        case .crossesEdge(let low, let high, let b):
            return "interval \(interval(low, high)) crosses the edge of the tolerance \(band(b)): the gap is neither surely beyond nor surely within it"
        }
    }
}
