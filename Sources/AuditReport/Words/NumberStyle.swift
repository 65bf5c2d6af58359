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
/// - a value below zero with the hyphen-minus (`-4.5`); a change, which shows its sign
///   whatever it is, with `+` or the minus sign U+2212 (`+0.4`, `−0.6`);
/// - a percentage is the rate × 100, a no-break space, `%` (`9.1 %`, `9,1 %`);
/// - a range is two values joined by an en dash (`0.12–0.34`);
/// - infinities are `∞` and `−∞`; a value too large for exact digits (beyond 2^53 once
///   scaled) is written in Swift's shortest form.
///
/// Machine outputs (CSV, JSON) never use it: their numbers are ``NumberFormat/exact(_:)``.
public struct NumberStyle: Sendable, Equatable {
    /// Between the whole and the fractional digits.
    public let decimalMark: String
    /// Between groups of three digits of a count.
    public let thousandsSeparator: String

    public init(decimalMark: String, thousandsSeparator: String) {
        self.decimalMark = decimalMark
        self.thousandsSeparator = thousandsSeparator
    }

    /// A whole number grouped by thousands (`1,270`; `1 270` in French).
    public func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(String(n.magnitude))
    }

    /// `x` with exactly `digits` decimals (`0.80`, `-4.5`).
    public func fixed(_ x: Double, _ digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        guard let r = NumberFormat.rounded(x, digits: digits) else { return shortest(x) }
        return (r.negative ? "-" : "") + r.whole + (r.fraction.isEmpty ? "" : decimalMark + r.fraction)
    }

    /// `x` with at most `digits` decimals, trailing zeros dropped (`12`, `2.5`, `0.333`): the
    /// points and amounts of an explanation.
    public func decimal(_ x: Double, upTo digits: Int) -> String {
        if let special = nonFinite(x) { return special }
        guard var r = NumberFormat.rounded(x, digits: digits) else { return shortest(x) }
        while r.fraction.hasSuffix("0") { r.fraction.removeLast() }
        return (r.negative ? "-" : "") + r.whole + (r.fraction.isEmpty ? "" : decimalMark + r.fraction)
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
        "[" + signed(low, digits) + (decimalMark == "," ? " ; " : ", ") + signed(high, digits) + "]"
    }

    /// Two values joined by an en dash (`0.12–0.34`).
    public func range(_ low: Double, _ high: Double, _ digits: Int) -> String {
        fixed(low, digits) + "–" + fixed(high, digits)
    }

    /// A value as the user gave it (a threshold): Swift's shortest round-trip digits with the
    /// language's decimal mark (`0.01`, `0,01`).
    public func shortest(_ x: Double) -> String {
        if let special = nonFinite(x) { return special }
        let text = NumberFormat.exact(x)
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
