/// How scores become a selection (spec `allocation:`; `docs/model.md`).
///
/// Ranks are taken within each segment (the combination of the
/// `segment_by` columns, e.g. `typologie`), by score descending, then by the
/// grid's tie-break keys, so the order is total and deterministic.
public enum GridAllocationRule: Sendable, Equatable {
    /// Selected when `score ≥ threshold` (ranks still computed within segments).
    case threshold(Double)
    /// The top `k_s` of each segment `s` are selected.
    case capacity(GridCapacity)
    /// The top `perUnit × k_s` of each segment are proposed to the commission
    /// (CALEOL examines about 3 applications per dwelling: CCH R441-3).
    case proposals(GridCapacity, perUnit: Int)
}

/// The number of dwellings `k_s` available in each segment.
public enum GridCapacity: Sendable, Equatable {
    /// Declared per segment; segments not listed get `default`.
    case declared([GridSegmentCapacity], default: Int)
    /// `k_s` = number of rows of segment `s` whose 0/1 column equals 1 (e.g. `attribue`).
    case fromData(column: String)
}

/// A declared capacity: the segment's values (one per `segment_by` column, in
/// that order) and its number of dwellings.
public struct GridSegmentCapacity: Sendable, Equatable {
    /// The segment's value in each `segment_by` column, in that order.
    public var segment: [String]
    /// Number of dwellings `k_s` (≥ 0).
    public var k: Int

    /// A declared capacity `k` for one segment.
    public init(segment: [String], k: Int) {
        self.segment = segment
        self.k = k
    }
}
