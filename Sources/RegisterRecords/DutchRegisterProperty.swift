/// One property of the Algoritmeregister publication standard's JSON Schema, with the
/// constraints Vigie checks before writing (the test `DutchSchemaTests` compares this table
/// with the committed schema, `Fixtures/register/nl/`).
public struct DutchRegisterProperty: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A text, with a maximum length in Unicode code points when the schema sets one.
        case text(maxLength: Int?)
        /// A list of texts.
        case list
        /// One of the listed texts.
        case choice([String])
        /// A month, `YYYY-MM` (`^[0-9]{4}-[0-9]{2}$`).
        case month
        /// A URI (`format: uri`); Vigie requires an absolute `http` or `https` address.
        case uri
        /// A constant the schema fixes.
        case constant(String)
    }

    /// The property's key.
    public var key: String
    /// The schema's `name` (Dutch) and Vigie's English and French labels.
    public var labelNL: String
    public var labelEN: String
    public var labelFR: String
    public var kind: Kind
    /// In the schema's `required` list.
    public var required: Bool
}
