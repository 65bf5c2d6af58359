/// How one language writes numbers for people. Every number of `report.md`, `report.html`
/// (its charts too), an explanation and the compare and diff reports is written here, with
/// these rules, decided once:
///
/// - rounded half away from zero to a fixed number of decimals, without Foundation's locale
///   (the same value always gives the same text);
/// - the language's decimal mark (`.` or `,`);
/// - counts and ranks (whole numbers by nature) grouped by thousands with the language's
///   separator (`5,000`, `5 000` with a narrow no-break space); measured values, written
///   with decimals, are not (`1234.5`);
/// - a value below zero with the language's minus: the hyphen-minus in English (`-4.5`),
///   the minus sign U+2212 in French prose (`−4,5`); a change, which shows its sign
///   whatever it is, with `+` or the minus sign U+2212 (`+0.4`, `−0.6`);
/// - a percentage is the rate × 100, a no-break space, `%` (`9.1 %`, `9,1 %`);
/// - a range is two values joined by an en dash in English (`0.12–0.34`); with a decimal
///   comma, where a comma or a dash next to a decimal comma or a minus sign reads ambiguously,
///   an interval in brackets with a semicolon (`[0,12 ; 0,34]`, a narrow no-break space
///   before the semicolon, a no-break space after);
/// - a ratio compared with a threshold (``ratio(_:against:_:)``) is never rounded onto the
///   threshold from the other side: `0.7988` against `0.8` is `0.799`, not `0.80`;
/// - infinities are `∞` and `−∞`; a value too large for exact digits (beyond 2^53 once
///   scaled) is written in Swift's shortest form.
///
/// Machine outputs (CSV, JSON) never use it: their numbers are ``NumberFormat/exact(_:)``.
public struct NumberStyle: Sendable, Equatable {
    /// Between the whole and the fractional digits.
    public let decimalMark: String
    /// Between groups of three digits of a count.
    public let thousandsSeparator: String
    /// Before a value below zero: `-` (hyphen-minus), or the minus sign U+2212 `−` (French
    /// typography: Imprimerie nationale, *Lexique*, « moins »).
    public let minusSign: String

    public init(decimalMark: String, thousandsSeparator: String, minusSign: String = "-") {
        self.decimalMark = decimalMark
        self.thousandsSeparator = thousandsSeparator
        self.minusSign = minusSign
    }

    /// A whole number grouped by thousands (`1,270`; `1 270` in French).
    public func integer(_ n: Int) -> String {
        (n < 0 ? minusSign : "") + grouped(String(n.magnitude))
    }

    /// `x` with exactly `digits` decimals (`0.80`, `-4.5`).
    public func fixed(_ x: Double, _ digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        guard let r = NumberFormat.rounded(x, digits: digits) else { return shortest(x) }
        return (r.negative ? minusSign : "") + r.whole + (r.fraction.isEmpty ? "" : decimalMark + r.fraction)
    }

    /// `x` with at most `digits` decimals, trailing zeros dropped (`12`, `2.5`, `0.333`): the
    /// points and amounts of an explanation.
    public func decimal(_ x: Double, upTo digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        guard var r = NumberFormat.rounded(x, digits: digits) else { return shortest(x) }
        while r.fraction.hasSuffix("0") { r.fraction.removeLast() }
        return (r.negative ? minusSign : "") + r.whole + (r.fraction.isEmpty ? "" : decimalMark + r.fraction)
    }

    /// A rate as a percentage with `digits` decimals (`0.0912` → `9.1 %`).
    public func percent(_ x: Double, _ digits: Int = 1) -> String {
        fixed(x * 100, digits) + "\u{a0}%"
    }

    /// A change with its sign always shown: `+` for zero and above, `−` (U+2212) below
    /// (`+0.4`, `−0.6`, `+∞`).
    public func signed(_ x: Double, _ digits: Int) -> String {
        (x < 0 ? "−" : "+") + fixed(abs(x), digits)
    }

    /// An interval of signed values in brackets (`[−3.4, +0.6]`; `[−3,4 ; +0,6]` with a
    /// decimal comma), where an en dash would read as a minus sign.
    public func signedRange(_ low: Double, _ high: Double, _ digits: Int) -> String {
        "[" + signed(low, digits) + intervalSeparator + signed(high, digits) + "]"
    }

    /// Two values joined by an en dash (`0.12–0.34`); with a decimal comma, the interval in
    /// brackets (`[0,12 ; 0,34]`, ``interval(_:_:_:)``).
    public func range(_ low: Double, _ high: Double, _ digits: Int) -> String {
        decimalMark == "," ? interval(low, high, digits) : fixed(low, digits) + "–" + fixed(high, digits)
    }

    /// An interval in brackets (`[0.80, 1.25]`; `[0,80 ; 1,25]` with a decimal comma, where
    /// a comma between the bounds would be ambiguous).
    public func interval(_ low: Double, _ high: Double, _ digits: Int) -> String {
        "[" + fixed(low, digits) + intervalSeparator + fixed(high, digits) + "]"
    }

    /// Between an interval's bounds: `, `; with a decimal comma, a narrow no-break space, a
    /// semicolon and a no-break space (French typography; the interval never breaks).
    public var intervalSeparator: String { decimalMark == "," ? "\u{202F};\u{a0}" : ", " }

    /// A ratio shown next to a threshold it is judged against (the four-fifths rule): `digits`
    /// decimals, more (up to 6) when rounding would put it on the other side of the threshold
    /// or onto it from below (`0.7988` against `0.8` → `0.799`; `0.79999996` → `0.799999`,
    /// cut toward the verdict's side when even 6 decimals would round onto the threshold).
    /// The printed value then never contradicts the verdict (`docs/metrics.md`, "Rounding").
    public func ratio(_ x: Double, against threshold: Double, _ digits: Int = 2) -> String {
        guard x.isFinite, threshold.isFinite else { return fixed(x, digits) }
        for d in digits...6 {
            guard let text = NumberFormat.rounded(x, digits: d) else { return fixed(x, digits) }
            let shown = Double((text.negative ? "-" : "") + text.whole + "." + (text.fraction.isEmpty ? "0" : text.fraction)) ?? x
            if (x < threshold) == (shown < threshold) { return fixed(x, d) }
        }
        // Cut (not round) at 6 decimals: toward zero, which for a positive ratio below the
        // threshold stays below it.
        let scale = 1e6
        let cut = (x * scale).rounded(.towardZero) / scale
        return fixed(cut, 6)
    }

    /// A value as the user gave it (a threshold): Swift's shortest round-trip digits with the
    /// language's decimal mark (`0.01`, `0,01`).
    public func shortest(_ x: Double) -> String {
        if let special = nonFinite(x) { return special }
        var text = NumberFormat.exact(x)
        if text.hasPrefix("-") { text = minusSign + text.dropFirst() }
        return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: decimalMark)
    }

    private func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return "—" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        return nil
    }

    private func grouped(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += thousandsSeparator }
            out.append(ch)
        }
        return out
    }
}
