import AuditReport

/// The language a record's measured sentences are written in: French for Etalab's
/// inventory, English for the ATRS, Dutch for the Algoritmeregister (whose schema fixes
/// `language: nld`). Declared texts are copied as the owner wrote them.
public enum RegisterLanguage: String, Sendable {
    case fr, en, nl

    /// How the language writes numbers: AuditReport's English and French styles (`5,000`,
    /// `5 000`; `0.25`, `0,25`), and for Dutch a decimal comma with thousands grouped by a
    /// full stop (`5.000`; `0,25`). A record is a CSV or JSON file that registers read: a
    /// value below zero keeps the hyphen-minus (`-20`), in French too, where the reports
    /// write the minus sign U+2212.
    var numbers: NumberStyle {
        switch self {
        case .en: ReportText(.en).numbers
        case .fr:
            NumberStyle(decimalMark: ReportText(.fr).numbers.decimalMark, thousandsSeparator: ReportText(.fr).numbers.thousandsSeparator)
        case .nl: NumberStyle(decimalMark: ",", thousandsSeparator: ".")
        }
    }

    /// `x` with `digits` decimals.
    func fixed(_ x: Double, _ digits: Int) -> String { numbers.fixed(x, digits) }

    /// A whole number grouped by thousands.
    func count(_ n: Int) -> String { numbers.integer(n) }

    /// A share as a percentage with one decimal.
    func percent(_ x: Double) -> String { numbers.percent(x, 1) }

    /// Points of a grid, with at most two decimals (`20`, `0,5`).
    func points(_ x: Double) -> String { numbers.decimal(x, upTo: 2) }

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
