import Foundation

/// The order of a protected attribute's categories, wherever they are listed (tables, charts,
/// CSV and JSON rows): the same on every machine, because it uses no locale API (whose
/// collation tables differ between systems) but a small collation key of its own.
///
/// 1. **Bands before words, by their lower bound.** A label that reads as a numeric band —
///    `<25`, `≤18`, `25-49`, `25 - 45`, `[25,50)`, `50+`, `>=66`, `66 et plus`, `Less than 25`,
///    `Greater than 45`, `moins de 25`, `plus de 45`, a bare number —
///    sorts before other labels, by its lower bound (`<25` has none: first), then its upper
///    bound (`<18` before `<25`). So `<25`, `25-49`, `50+`; never `50+` before `<25`.
/// 2. **Words in French dictionary order** (a simplified Unicode Collation Algorithm, three
///    levels): first the base letters — the label decomposed (Unicode canonical
///    decomposition, NFD), its combining accents dropped, `œ` `æ` `ß` spelled `oe` `ae` `ss`,
///    lower-cased, runs of digits compared as numbers (`D2` before `D10`); then the accents;
///    then the case (lower before upper). So `Pérols` before `Prades-le-Lez` (`e` < `r`),
///    `cote` before `côte`, `été` before `Été`.
/// 3. Ties (labels equal at every level) by their UTF-8 bytes: the order is total.
public enum LabelOrder {
    /// Whether `a` comes before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka.band != nil || kb.band != nil {
            guard let x = ka.band else { return false }
            guard let y = kb.band else { return true }
            if x.low != y.low { return x.low < y.low }
            if x.high != y.high { return x.high < y.high }
        }
        if ka.base != kb.base { return precedes(ka.base, kb.base) }
        if ka.accents != kb.accents { return ka.accents.lexicographicallyPrecedes(kb.accents) }
        if ka.cases != kb.cases { return ka.cases.lexicographicallyPrecedes(kb.cases) }
        return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }

    /// `labels` in this order.
    public static func sorted(_ labels: [String]) -> [String] { labels.sorted(by: precedes) }

    /// A label's collation key.
    struct Key {
        /// The numeric band the label reads as: its lower and upper bounds (−∞, +∞ when open).
        var band: (low: Double, high: Double)?
        /// Base letters, lower case: letters, and each run of digits as one number.
        var base: [Element]
        /// One value per base letter: the sum of its combining marks' scalars (0: none).
        var accents: [UInt32]
        /// One value per base letter: 1 for an upper-case letter, 0 otherwise.
        var cases: [UInt8]
    }

    /// A piece of the base key: a character, or a run of digits compared as a number
    /// (digits before letters, as in a dictionary).
    enum Element: Equatable {
        case number(Double)
        case scalar(UInt32)
    }

    static func precedes(_ a: [Element], _ b: [Element]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m < n
            case (.number, .scalar(let s)): return s > 0x39 // a number sorts as a digit
            case (.scalar(let s), .number): return s < 0x30
            case (.scalar(let s), .scalar(let t)): return s < t
            }
        }
        return a.count < b.count
    }

    static func key(_ label: String) -> Key {
        var base: [Element] = [], accents: [UInt32] = [], cases: [UInt8] = []
        var digits = ""
        func endNumber() {
            if !digits.isEmpty { base.append(.number(Double(digits) ?? 0)); accents.append(0); cases.append(0); digits = "" }
        }
        for scalar in label.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            if (0x300...0x36F).contains(v) {
                // A combining accent: it marks the letter before it.
                if !accents.isEmpty { accents[accents.count - 1] += v }
                continue
            }
            if ("0"..."9").contains(scalar) { digits.unicodeScalars.append(scalar); continue }
            endNumber()
            let lower = String(scalar).lowercased()
            let spelled: String = switch lower {
            case "œ": "oe"
            case "æ": "ae"
            case "ß": "ss"
            default: lower
            }
            for s in spelled.unicodeScalars {
                base.append(.scalar(s.value))
                accents.append(0)
                cases.append(String(scalar) != lower ? 1 : 0)
            }
        }
        endNumber()
        return Key(band: band(label), base: base, accents: accents, cases: cases)
    }

    /// The bounds of a label that reads as a numeric band, else nil.
    static func band(_ label: String) -> (low: Double, high: Double)? {
        let s = label.trimmingCharacters(in: .whitespaces)
        let numbers = numbersIn(s)
        guard let first = numbers.first, !s.isEmpty else { return nil }
        // Bands written in words: "Less than 25", "moins de 25", "Greater than 45", "plus de 45".
        let lower = s.lowercased()
        for prefix in ["less than ", "under ", "below ", "moins de ", "inférieur à "] where lower.hasPrefix(prefix) {
            return (-.infinity, first)
        }
        for prefix in ["greater than ", "more than ", "over ", "above ", "plus de ", "supérieur à "] where lower.hasPrefix(prefix) {
            return (first, .infinity)
        }
        // The label must start with a number or a comparison sign / bracket before it.
        let head = s.unicodeScalars.first!
        let opensWithBound = "<>≤≥[(".unicodeScalars.contains(head)
        guard opensWithBound || ("0"..."9").contains(head) else { return nil }
        if s.hasPrefix("<") || s.hasPrefix("≤") { return (-.infinity, first) }
        if s.hasPrefix(">") || s.hasPrefix("≥") { return (first, .infinity) }
        if numbers.count >= 2 { return (first, numbers[1]) }
        if s.hasSuffix("+") || s.lowercased().contains("plus") || s.lowercased().contains("more") || s.lowercased().contains("over") {
            return (first, .infinity)
        }
        // A bare number: a band of one value. Anything else after the number is a word.
        return Double(s) != nil ? (first, first) : nil
    }

    /// The numbers written in `s`, in order (`25-49` → 25, 49; a hyphen between two numbers
    /// is a dash, not a minus sign).
    static func numbersIn(_ s: String) -> [Double] {
        var out: [Double] = [], current = ""
        for ch in s {
            if ch.isASCII, ch.isNumber || (ch == "." && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                if let v = Double(current) { out.append(v) }
                current = ""
            }
        }
        if !current.isEmpty, let v = Double(current) { out.append(v) }
        return out
    }
}
