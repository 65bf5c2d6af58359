/// A type read from one YAML mapping shared with other types: its keys are the union of its
/// parts' keys (`AuditSpec`: the data, analysis, decision-model and report parts all read the
/// spec's top-level mapping).
///
/// `LocatedYAMLDecoder` refuses a key outside `mappingKeys` before the type is decoded, naming
/// the key, its line and column, and listing `mappingKeys` in order. A type read from a mapping
/// of its own needs no conformance: a `CodingKeys` enum that is `CaseIterable` closes its
/// mapping (`YAMLNodeDecoder.container(keyedBy:)`).
package protocol ClosedKeyMapping: Decodable {
    /// Every key the mapping may hold, in the order an error lists them.
    static var mappingKeys: [String] { get }
}

extension CaseIterable where Self: CodingKey {
    /// The keys' names in declaration order: a part's contribution to a `ClosedKeyMapping`.
    package static var names: [String] { allCases.map(\.stringValue) }
}
