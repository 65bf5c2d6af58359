/// How a chart prints its values: rates as percentages, ratios and scores as decimals.
///
/// Fixed precision, in the report language's ``NumberStyle`` (``ChartText/numbers``): the
/// same value always prints the same text. A percentage's sign follows a plain space, not the
/// no-break space of the report's text: SVG text never wraps.
public enum ChartNumberFormat: Sendable, Equatable {
    /// `x × 100` with `digits` decimals and " %" (`0.4485` → `44.9 %` with 1 digit).
    case percent(digits: Int)
    /// `x` with `digits` decimals (`0.8` → `0.80` with 2 digits).
    case decimal(digits: Int)

    /// The text of `x` in this format.
    public func text(_ x: Double, numbers: NumberStyle = Catalogue.english.numbers) -> String {
        switch self {
        case .percent(let digits):
            return ChartNumber.fixed(x * 100, digits: digits, numbers: numbers) + " %"
        case .decimal(let digits):
            return ChartNumber.fixed(x, digits: digits, numbers: numbers)
        }
    }

    /// The same format with `digits` decimals, for axis ticks.
    func withDigits(_ digits: Int) -> ChartNumberFormat {
        switch self {
        case .percent: .percent(digits: digits)
        case .decimal: .decimal(digits: digits)
        }
    }

    /// Decimals needed to tell ticks `step` apart (`0.25` → 2 as a decimal, 0 as a percent).
    func tickDigits(step: Double) -> Int {
        let shown: Double
        switch self {
        case .percent: shown = step * 100
        case .decimal: shown = step
        }
        var digits = 0
        var scaled = shown
        while digits < 3, abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}
