import AuditData
import Yams

extension ModelYAMLReader {
    /// The entries of a mapping whose keys are data (category levels, column
    /// names), refusing repeated keys. Records the position of each key.
    mutating func openMapping(_ node: Node, _ key: String) throws(SpecError) -> [(String, Node)] {
        guard let mapping = node.mapping else { throw error(node, key, "expected a mapping of keys to values") }
        var result: [(String, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key, "expected a text key") }
            let path = "\(key).\(name)"
            guard seen.insert(name).inserted else { throw error(k, path, "key given twice") }
            remember(k, path)
            result.append((name, v))
        }
        return result
    }
}
