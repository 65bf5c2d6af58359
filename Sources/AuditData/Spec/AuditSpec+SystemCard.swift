import Foundation
import Yams

extension SpecReader {
    /// Reads the `system:` section: every key a `SystemCard.Field` (the `fria:` mapping nested),
    /// each value a text or, for list fields, a list of texts; `date` as `YYYY-MM-DD`.
    /// Unknown keys and wrong types throw with line and column.
    func systemCard(_ node: Node) throws(SpecError) -> SystemCard {
        var card = SystemCard()
        let top = SystemCard.Field.allCases.map { $0.rawValue.split(separator: ".").first.map(String.init) ?? $0.rawValue }
        var allowed: [String] = []
        for key in top where !allowed.contains(key) { allowed.append(key) }
        for (name, _, value) in try mapping(node, "system", allowed: allowed) {
            if let field = SystemCard.Field(rawValue: name) {
                card.values[field] = try cardValue(value, field)
            } else {
                let children = SystemCard.Field.allCases.filter { $0.rawValue.hasPrefix(name + ".") }
                let names = children.map { String($0.rawValue.dropFirst(name.count + 1)) }
                for (child, _, inner) in try mapping(value, "system.\(name)", allowed: names) {
                    guard let field = SystemCard.Field(rawValue: "\(name).\(child)") else { continue }
                    card.values[field] = try cardValue(inner, field)
                }
            }
        }
        return card
    }

    func cardValue(_ node: Node, _ field: SystemCard.Field) throws(SpecError) -> [String] {
        let key = "system.\(field.rawValue)"
        let items: [String]
        if case .scalar = node {
            items = [try string(node, key)]
        } else if field.isList, node.sequence != nil {
            items = try strings(node, key)
        } else {
            throw error(node, key, field.isList ? "expected a text or a list of texts" : "expected a text value")
        }
        let trimmed = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !trimmed.isEmpty else { throw error(node, key, "expected a declared value; leave the key out when nothing is declared") }
        if field == .date {
            let text = trimmed[0]
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y > 0, (1...12).contains(m), (1...31).contains(d) else {
                throw error(node, key, "expected a date YYYY-MM-DD, found '\(text)'")
            }
        }
        return trimmed
    }
}
