/// Element ids of a chart: the caller's prefix made a valid, CSS-safe XML name.
enum ChartID {
    /// Keeps ASCII letters, digits, `-` and `_`; every other character becomes `_`; a
    /// prefix that is empty or does not start with a letter gets `chart-` in front
    /// (XML 1.0 `Name`, and usable unescaped in a CSS selector or `url(#…)`).
    static func sanitised(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            let keep = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D || v == 0x5F
            out.unicodeScalars.append(keep ? scalar : "_")
        }
        if let first = out.unicodeScalars.first, (first.value >= 0x41 && first.value <= 0x5A) || (first.value >= 0x61 && first.value <= 0x7A) {
            return out
        }
        return "chart-" + out
    }
}
