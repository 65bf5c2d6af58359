import AuditReport

/// The language a record's measured sentences are written in: French for Etalab's
/// inventory, English for the ATRS, Dutch for the Algoritmeregister (whose schema fixes
/// `language: nld`). Declared texts are copied as the owner wrote them.
public enum RegisterLanguage: String, Sendable {
    case fr, en, nl

    /// `x` with `digits` decimals: decimal point in English, comma in French and Dutch.
    func fixed(_ x: Double, _ digits: Int) -> String {
        ReportText(self == .en ? .en : .fr).fixed(x, digits)
    }

    /// A whole number grouped by thousands: `5,000` (en), `5 000` (fr, narrow space), `5.000` (nl).
    func count(_ n: Int) -> String {
        switch self {
        case .en: ReportText(.en).count(n)
        case .fr: ReportText(.fr).count(n)
        case .nl: ReportText(.en).count(n).replacingOccurrences(of: ",", with: ".")
        }
    }

    /// A share as a percentage with one decimal.
    func percent(_ x: Double) -> String {
        fixed(x * 100, 1) + "\u{a0}%"
    }

    /// Points of a grid: whole numbers without decimals (`20`), others with two (`0,50`).
    func points(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? fixed(x, 0) : fixed(x, 2)
    }

    /// The compared rate's name (`findings[].metric`).
    func metric(_ name: String) -> String {
        let names: [String: (fr: String, en: String, nl: String)] = [
            "selection_rate": ("taux de sélection", "selection rate", "selectiepercentage"),
            "fpr": ("taux de faux positifs", "false positive rate", "fout-positiefpercentage"),
            "fnr": ("taux de faux négatifs", "false negative rate", "fout-negatiefpercentage"),
            "ppv": ("valeur prédictive positive", "positive predictive value", "positief voorspellende waarde"),
            "base_rate": ("taux de base", "base rate", "basispercentage"),
        ]
        guard let n = names[name] else { return name }
        switch self {
        case .fr: return n.fr
        case .en: return n.en
        case .nl: return n.nl
        }
    }

    /// One of three texts, by language.
    func pick(_ fr: String, _ en: String, _ nl: String) -> String {
        switch self {
        case .fr: fr
        case .en: en
        case .nl: nl
        }
    }
}
