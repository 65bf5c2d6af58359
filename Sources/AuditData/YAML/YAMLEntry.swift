import Yams

/// One `key: value` of a mapping, with the key's node for its position.
struct YAMLEntry {
    let name: String
    let key: Node
    let value: Node
}
