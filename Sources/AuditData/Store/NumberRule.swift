/// What a numeric column may hold, in the words of the analysis that reads it: the loader
/// applies the rule to every row as it reads the file and stops at the first value the rule
/// refuses, with that analysis's message located at the field (file, line, column).
///
/// A value is a number when `CSVNumberParser` reads it (honouring the decimal comma), it is
/// finite, and its magnitude is at most ``largestMagnitude`` (10¹⁵): sums, squares and means
/// of such values over any file stay finite and exact to the cent, and a whole number below
/// it converts to an integer without overflow.
public struct NumberRule: Sendable {
    /// 10¹⁵: the largest magnitude of any number read from a data file. Beyond it, sums of
    /// squares (variances, Kish's effective sizes) lose every digit or overflow to infinity.
    public static let largestMagnitude = 1e15
    /// 10⁻¹⁵: the smallest positive weight. Below it, squares of weights underflow and Kish's
    /// effective size (Σw)²/Σw² — hence every interval — could not be computed (weights of
    /// 10⁻³²⁰ lost every interval while the status stayed `ok`).
    public static let smallestWeight = 1e-15

    /// What a missing value (`CSVDialect.missingValues`) does.
    public enum Missing: Sendable {
        /// It is kept as NaN; the warning, if any, says what that leaves out, after the
        /// count and the first line: "column 'x' has 3 missing values (first on line 7): …".
        case kept(warning: DataWarning.Effect?)
        /// It is an error; the message is given the text found.
        case refused(@Sendable (String) -> String)
    }

    /// Which numbers are accepted.
    public enum Range: Sendable {
        case any, positive, nonNegative
        /// Exactly 0 or 1.
        case zeroOrOne
        /// 0, or at least the bound (a weight: `NumberRule.smallestWeight`).
        case zeroOrFrom(Double)
        /// Above 0 and at most the bound (a household size: `AllocationPipeline` converts it to
        /// a whole number of people).
        case positiveUpTo(Double)

        func contains(_ x: Double) -> Bool {
            switch self {
            case .any: true
            case .positive: x > 0
            case .nonNegative: x >= 0
            case .zeroOrOne: x == 0 || x == 1
            case .positiveUpTo(let bound): x > 0 && x <= bound
            case .zeroOrFrom(let bound): x == 0 || x >= bound
            }
        }
    }

    public var missing: Missing
    /// The message for text that is not a finite number, given that text.
    public var notANumber: @Sendable (String) -> String
    /// The accepted numbers, and the message for one outside (given its text).
    public var range: Range
    public var outOfRange: @Sendable (String) -> String
    /// A warning when some values are below 0 (the effect: "the indices are undefined…"),
    /// after the count and the first line: "column 'x' has 2 negative values (first on line 4): …".
    public var negativeWarning: DataWarning.Effect?

    public init(missing: Missing, notANumber: @escaping @Sendable (String) -> String, range: Range = .any,
                outOfRange: (@Sendable (String) -> String)? = nil, negativeWarning: DataWarning.Effect? = nil) {
        self.missing = missing
        self.notANumber = notANumber
        self.range = range
        self.outOfRange = outOfRange ?? notANumber
        self.negativeWarning = negativeWarning
    }
}
