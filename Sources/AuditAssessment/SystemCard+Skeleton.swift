extension SystemCard {
    /// An empty system card for a draft spec (`vigie init`): every key, commented out, with
    /// what it asks for. Uncommented and filled, each becomes a declared fact of the report;
    /// left commented, it is reported as missing.
    public static var skeleton: String {
        var y = "#\n# System card: what the owner declares (docs/spec.md, \"System card\"). Uncomment and fill;\n"
        y += "# a key left out is reported as missing, never invented.\n# lang: en                  # or fr: the language of report.md and report.html\n# system:\n"
        var inFria = false
        for field in Field.allCases {
            let parts = field.rawValue.split(separator: ".").map(String.init)
            if parts.count == 2 {
                if !inFria { y += "#   \(parts[0]):\n"; inFria = true }
                y += "#     \(parts[1]): \"\"\n"
            } else if field == .date {
                y += "#   date: \"YYYY-MM-DD\"\n"
            } else {
                y += "#   \(field.rawValue): \(field.isList ? "[]" : "\"\"")\n"
            }
        }
        return y
    }
}
