/// A field as written in `register-atrs.json`: identifier, labels, value (absent when
/// missing: Vigie never writes `null`), source and origin.
struct RegisterFieldJSON: Encodable {
    let id: String
    let label: String
    let labelFR: String
    let value: String?
    let source: String
    let origin: String

    init(_ field: RegisterField) {
        id = field.id
        label = field.labelEN
        labelFR = field.labelFR
        value = field.value
        source = field.sourceLabel
        origin = field.originLabel
    }

    enum CodingKeys: String, CodingKey {
        case id, label, value, source, origin
        case labelFR = "label_fr"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(labelFR, forKey: .labelFR)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(source, forKey: .source)
        try c.encode(origin, forKey: .origin)
    }
}
