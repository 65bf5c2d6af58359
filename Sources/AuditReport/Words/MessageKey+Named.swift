extension MessageKey {
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The key whose dotted name is `name`, for keys built from a domain value
    /// (`"metric." + metric`, `"status." + status.rawValue`, an evidence key); `nil` when the
    /// catalogue has no such message (the tests enumerate every domain value to rule it out).
    public static func named(_ name: String) -> MessageKey? { byName[name] }
}
