/// The public registers `vigie register` writes a record for (`docs/register.md`).
public enum RegisterFormat: String, Sendable, CaseIterable {
    /// The inventory of public algorithms recommended by Etalab's guide (France, CRPA
    /// L312-1-3): one CSV row per algorithm, as a data portal takes it.
    case etalab
    /// The UK Algorithmic Transparency Recording Standard, tier 1 and tier 2, as JSON and
    /// Markdown.
    case atrs
    /// The Dutch algorithm register (Algoritmeregister), publication standard 1.0.0, as the
    /// JSON its schema describes.
    case nl

    /// The files the record is written to, in order.
    public var fileNames: [String] {
        switch self {
        case .etalab: ["register-etalab.csv"]
        case .atrs: ["register-atrs.json", "register-atrs.md"]
        case .nl: ["register-nl.json", "register-nl-sources.json"]
        }
    }

    /// The register's name, for messages.
    public var title: String {
        switch self {
        case .etalab: "Etalab inventory of public algorithms"
        case .atrs: "UK Algorithmic Transparency Recording Standard 3.0"
        case .nl: "Dutch algorithm register (publication standard 1.0.0)"
        }
    }
}
