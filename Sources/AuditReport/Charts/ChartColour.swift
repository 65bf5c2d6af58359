import Foundation

/// An sRGB colour, for the heat map's sequential scale and its text contrast.
struct ChartColour: Equatable, Sendable {
    var red: Double, green: Double, blue: Double  // 0...255

    /// `#RRGGBB`, upper case, channels rounded half away from zero.
    var hex: String {
        func byte(_ v: Double) -> String {
            let b = Int(min(255, max(0, v)).rounded(.toNearestOrAwayFromZero))
            let digits = Array("0123456789ABCDEF")
            return String([digits[b / 16], digits[b % 16]])
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// Straight-line interpolation in sRGB between `a` (t = 0) and `b` (t = 1).
    static func mix(_ a: ChartColour, _ b: ChartColour, _ t: Double) -> ChartColour {
        ChartColour(red: a.red + (b.red - a.red) * t, green: a.green + (b.green - a.green) * t,
                    blue: a.blue + (b.blue - a.blue) * t)
    }

    /// WCAG 2.2 relative luminance: `0.2126 R + 0.7152 G + 0.0722 B` on linearised
    /// channels (`c/12.92` if `c ≤ 0.04045`, else `((c + 0.055)/1.055)^2.4`).
    var relativeLuminance: Double {
        func linear(_ v: Double) -> Double {
            let c = v / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever has the higher WCAG contrast ratio
    /// `(L1 + 0.05) / (L2 + 0.05)` on this colour.
    var textColour: String {
        let l = relativeLuminance
        let onBlack = (l + 0.05) / 0.05, onWhite = 1.05 / (l + 0.05)
        return onBlack >= onWhite ? "#000000" : "#FFFFFF"
    }
}
