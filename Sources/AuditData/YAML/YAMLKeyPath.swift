import Yams

/// Key paths as errors write them, `protected[2].bands` (list items counted from 1), and the
/// nodes they name in a document.
enum YAMLKeyPath {
    /// The text of a coding path; `root` for the document itself.
    static func text(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index + 1)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out.isEmpty ? "root" : out
    }

    /// The value node at a coding path, or the deepest node on the way when the path leaves the
    /// document (a missing key: its mapping).
    static func value(at path: [CodingKey], in root: Node) -> Node {
        var node = root
        for key in path {
            if let index = key.intValue, case .sequence(let items) = node, index >= 0, index < items.count {
                node = items[index]
            } else if key.intValue == nil, let value = entry(key.stringValue, in: node)?.value {
                node = value
            } else {
                break
            }
        }
        return node
    }

    /// The node that a key path written by a validation (`meters.collectif.blocks[2].up_to`)
    /// points at: the key of a mapping entry, the item of a list. When the path leaves the
    /// document, the deepest node found on the way; `nil` when not even its first key is there.
    static func key(at text: String, in root: Node) -> Node? {
        var rest = Substring(text)
        var node = root
        var found: Node?
        while !rest.isEmpty {
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let number = Int(rest[rest.index(after: rest.startIndex)..<close]),
                      case .sequence(let items) = node, number >= 1, number <= items.count else { break }
                node = items[number - 1]
                found = node
                rest = rest[rest.index(after: close)...]
            } else {
                if rest.hasPrefix(".") { rest = rest.dropFirst() }
                // The longest key of this mapping that the path continues with (keys may hold dots).
                guard case .mapping(let mapping) = node else { break }
                var best: (key: Node, value: Node, length: Int)?
                for (k, v) in mapping {
                    guard let name = k.string, rest.hasPrefix(name) else { continue }
                    let after = rest.dropFirst(name.count)
                    guard after.isEmpty || after.hasPrefix(".") || after.hasPrefix("[") else { continue }
                    if name.count > (best?.length ?? -1) { best = (k, v, name.count) }
                }
                guard let best else { break }
                found = best.key
                node = best.value
                rest = rest.dropFirst(best.length)
            }
        }
        return found
    }

    static func entry(_ name: String, in node: Node) -> (key: Node, value: Node)? {
        guard case .mapping(let mapping) = node else { return nil }
        for (k, v) in mapping where k.string == name { return (k, v) }
        return nil
    }
}
