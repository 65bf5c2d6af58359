extension ReportText {
    /// Why an impact ratio is undefined (`MetricValue.undefined(reason:)`, English text made
    /// by `GroupFrame.mostFavouredRatios`, `Disparity.ratio` and the group's rate) in this language: the known
    /// reasons word for word, nested ones (`undefined for the group: …`) part by part; an
    /// unknown one, in French, quoted as the English it is. English is the text as it is.
    package func undefinedRatioReason(_ english: String) -> String {
        guard language != .en else { return english }
        for (prefix, key) in [("undefined for the group: ", MessageKey.junitUndefinedForGroup), ("undefined for the reference: ", .junitUndefinedForReference)]
        where english.hasPrefix(prefix) {
            return self(key, ["reason": undefinedRatioReason(String(english.dropFirst(prefix.count)))])
        }
        let known: [String: MessageKey] = [
            "the reference group's value is 0": .junitUndefinedReferenceZero, "empty group: no rows": .junitUndefinedEmptyGroup,
            "group weight is 0": .junitUndefinedZeroWeight, "not a finite number": .junitUndefinedNotFinite,
            "no group has a favourable outcome (highest rate is 0)": .junitUndefinedNoFavourable,
            "no group with a defined favourable-outcome rate": .junitUndefinedNoComparator,
            "the most favoured group's value is 0": .junitUndefinedMostFavouredZero,
        ]
        if let key = known[english] { return self(key) }
        return self(.junitUndefinedOther, ["reason": english])
    }
}
