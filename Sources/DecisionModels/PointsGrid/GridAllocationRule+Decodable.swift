import AuditData

/// A grid's `allocation:` section: the segment columns and the rule.
struct GridAllocationSection: Decodable {
    var segmentBy: [String]
    var rule: GridAllocationRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rule
        case segmentBy = "segment_by"
        case threshold, capacity
        case perUnit = "per_unit"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let segmentBy = try c.decode([String].self, forKey: .segmentBy, default: [], expected: "expected a list of values")
        self.segmentBy = segmentBy
        let perUnit = try c.decodeIfPresent(Int.self, forKey: .perUnit)
        let threshold = try c.decodeIfPresent(Double.self, forKey: .threshold)
        func capacity() throws -> GridCapacity {
            guard c.contains(.capacity) else { throw c.missing(.capacity, "missing: give capacity {from_data: column} or {default, segments}") }
            let capacity = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .capacity)
            return try GridCapacity(capacity, segmentBy: segmentBy)
        }
        let expected = "expected threshold, capacity or proposals"
        guard c.contains(.rule) else { throw c.missing(.rule, expected) }
        switch try c.decode(String.self, forKey: .rule) {
        case "threshold":
            guard let threshold else { throw c.missing(.threshold, "missing: give the score threshold") }
            rule = .threshold(threshold)
        case "capacity": rule = .capacity(try capacity())
        case "proposals": rule = .proposals(try capacity(), perUnit: perUnit ?? 3)
        default: throw c.failure(.rule, expected)
        }
    }
}

extension GridCapacity {
    /// `{from_data: column}`, or `{default: k, segments: [{<segment_by columns>, k}]}`.
    init(_ c: KeyedDecodingContainer<AnyCodingKey>, segmentBy: [String]) throws {
        try SpecError.checkKeys(c, allowed: ["from_data", "default", "segments"])
        if c.contains(AnyCodingKey("from_data")) {
            guard c.allKeys.count == 1 else { throw c.failure("from_data excludes default and segments") }
            self = .fromData(column: try c.decode(String.self, forKey: AnyCodingKey("from_data")))
            return
        }
        let fallback = try c.decodeIfPresent(Int.self, forKey: AnyCodingKey("default")) ?? 0
        var segments: [GridSegmentCapacity] = []
        if c.contains(AnyCodingKey("segments")) {
            var items: UnkeyedDecodingContainer
            do {
                items = try c.nestedUnkeyedContainer(forKey: AnyCodingKey("segments"))
            } catch DecodingError.typeMismatch {
                throw c.failure(AnyCodingKey("segments"), "expected a list like [{typologie: T3, k: 12}]")
            }
            while !items.isAtEnd {
                let item = try items.nestedContainer(keyedBy: AnyCodingKey.self)
                try SpecError.checkKeys(item, allowed: segmentBy + ["k"])
                let k = try item.decode(Int.self, forKey: AnyCodingKey("k"), missing: "missing: give the number of dwellings k")
                let given = try segmentBy.compactMap { column in try item.decodeIfPresent(String.self, forKey: AnyCodingKey(column)) }
                guard given.count == segmentBy.count else {
                    throw item.failure("expected a value for each segment_by column: \(segmentBy.joined(separator: ", "))")
                }
                segments.append(GridSegmentCapacity(segment: given, k: k))
            }
        }
        self = .declared(segments, default: fallback)
    }
}
