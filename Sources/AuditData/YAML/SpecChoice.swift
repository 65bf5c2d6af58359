/// A closed set of values written as text in a spec (`interval: wilson`), a grid or a tariff.
///
/// Decoding refuses any other text with the list of accepted values
/// (`expected one of 'wilson', 'exact', found 'wald'`); the command line accepts the same
/// raw values (`vigie` conforms these types to `ExpressibleByArgument`).
public protocol SpecChoice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension SpecChoice {
    /// The accepted values, quoted and in declaration order: `'wilson', 'exact'`.
    public static var acceptedValues: String { allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") }

    /// The message for text that is none of the values.
    public static func expectation(found text: String) -> String {
        "expected one of \(acceptedValues), found '\(text)'"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.expectation(found: text))
        }
        self = value
    }
}
