#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What every row of one `forEachRow` pass shares.
final class CSVRowContext {
    let path: String
    let header: [String]
    let columns: [Int]
    let decimalComma: Bool
    let missingPatterns: [[UInt8]]

    init(path: String, header: [String], columns: [Int], decimalComma: Bool, missingPatterns: [[UInt8]]) {
        self.path = path
        self.header = header
        self.columns = columns
        self.decimalComma = decimalComma
        self.missingPatterns = missingPatterns
    }
}

/// One data row, as seen from the `forEachRow` callback.
///
/// The row only borrows the reader's buffer: it is valid inside the callback
/// and must not be stored or escape it (copy what you need: `string(_:)`,
/// `double(_:)`, or `Array(bytes(_:))`). Field indices `i` index the
/// `columns` passed to `forEachRow`, not the header.
package struct CSVRow {
    /// Physical line (1-based) on which the row starts.
    package let line: Int
    let fields: UnsafePointer<CSVFieldSlot>
    let fieldCount: Int
    let context: CSVRowContext

    init(line: Int, fields: UnsafeMutablePointer<CSVFieldSlot>, context: CSVRowContext) {
        self.line = line
        self.fields = UnsafePointer(fields)
        self.fieldCount = context.columns.count
        self.context = context
    }

    @inline(__always)
    private func slot(_ i: Int) -> CSVFieldSlot {
        precondition(i >= 0 && i < fieldCount,
                     "CSVRow field index \(i) out of range: \(fieldCount) columns were selected")
        return fields[i]
    }

    /// The field's bytes, unquoted and with doubled quotes collapsed. Valid
    /// only inside the callback.
    @inline(__always)
    package func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = slot(i)
        return UnsafeBufferPointer(start: s.start, count: s.count)
    }

    /// Whether the field is one of `dialect.missingValues` (byte comparison,
    /// no allocation, no trimming).
    @inline(__always)
    package func isMissing(_ i: Int) -> Bool {
        let s = slot(i)
        for pattern in context.missingPatterns where pattern.count == s.count {
            if s.count == 0 { return true }
            let equal = pattern.withUnsafeBufferPointer { p in memcmp(p.baseAddress!, s.start!, s.count) == 0 }
            if equal { return true }
        }
        return false
    }

    /// The field as a number, or `nil` if it is not one (see
    /// `CSVNumberParser` for the accepted syntax). Honours
    /// `dialect.decimalComma`. The caller reports `nil` with `error(_:_:)`.
    @inline(__always)
    package func double(_ i: Int) -> Double? {
        CSVNumberParser.parse(bytes(i), decimalComma: context.decimalComma)
    }

    /// The field as a `String`; invalid UTF-8 is replaced by U+FFFD. Allocates:
    /// meant for rare paths. Use `validatedString(_:)` to reject bad bytes.
    package func string(_ i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }

    /// The field as a `String`, or a `CSVError` at this field if it is not valid UTF-8 or
    /// holds a NUL byte (text files have none: the file is binary, or UTF-16).
    package func validatedString(_ i: Int) throws(CSVError) -> String {
        let field = bytes(i)
        guard let s = String(validating: field, as: UTF8.self) else {
            throw error(i, InputProblem.invalidUTF8(header: false))
        }
        if field.contains(0) { throw error(i, InputProblem.nulByte(header: false)) }
        return s
    }

    /// Physical line (1-based) on which field `i` starts (differs from `line`
    /// when an earlier quoted field of the row spans several lines).
    package func line(of i: Int) -> Int { slot(i).line }

    /// A `CSVError` located at field `i` of this row (file, line, 1-based
    /// header column and its name), for the caller's own validation errors.
    package func error(_ i: Int, _ message: String) -> CSVError {
        let column = context.columns[i]
        return CSVError(file: context.path, line: slot(i).line, column: column + 1,
                        columnName: context.header[column], message: message)
    }

    /// ``error(_:_:)`` with a typed reason.
    package func error(_ i: Int, _ problem: InputProblem) -> CSVError {
        let column = context.columns[i]
        return CSVError(file: context.path, line: slot(i).line, column: column + 1,
                        columnName: context.header[column], problem: problem)
    }
}
