/// What a protected attribute may hold: at most `maxGroups` groups (distinct values as read,
/// before any mapping; band edges + 1; quantile bins) and labels of at most `longestLabel`
/// bytes. A protected attribute names groups of people; a column with more distinct values
/// is an identifier, a free-text field or an unbanded number, and grouping by it ran for
/// minutes into gigabytes (100,000 distinct ids). Each limit is an error naming the column,
/// at the first value beyond it, suggesting bands; `max_groups:` in the spec (`--max-groups`)
/// raises the first.
public struct GroupLimits: Sendable, Hashable {
    /// Default 1,000 groups per protected attribute.
    public static let defaultMaxGroups = 1_000
    /// The most `max_groups` may be raised to (1,000,000).
    public static let largestMaxGroups = 1_000_000
    /// 200 bytes: the longest group label.
    public static let longestLabel = 200

    public var maxGroups: Int
    public var longestLabel: Int

    public init(maxGroups: Int = GroupLimits.defaultMaxGroups, longestLabel: Int = GroupLimits.longestLabel) {
        self.maxGroups = maxGroups
        self.longestLabel = longestLabel
    }

    /// The advice every group-limit error ends with.
    static func advice(_ column: String) -> String {
        "band a numeric column ('--protected \(column):18,26,36', or 'bands:' in the spec), map values onto fewer groups ('mapping:' in the spec), or raise the limit with --max-groups N ('max_groups:' in the spec)"
    }
}
