import Foundation

/// Angles for rotated labels.
enum ChartAngle {
    /// `atan(rise / run)` in degrees, rounded to 0.1° so libm differences cannot reach
    /// the output.
    static func degrees(rise: Double, run: Double) -> Double {
        (atan2(rise, run) * 180 / Double.pi * 10).rounded() / 10
    }
}
