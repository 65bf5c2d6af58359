/// Reads yes/no values from raw bytes without allocating.
///
/// Standard vocabulary, case-insensitive: `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`,
/// `oui`/`non`, `vrai`/`faux`, and the numeric spellings `1.0`/`0.0`.
enum BinaryValue {
    static let positives: [[UInt8]] = ["1", "1.0", "true", "yes", "y", "oui", "vrai"].map { Array($0.utf8) }
    static let negatives: [[UInt8]] = ["0", "0.0", "false", "no", "n", "non", "faux"].map { Array($0.utf8) }

    /// `true`/`false` for a value in the standard vocabulary, `nil` otherwise.
    static func standard(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count == 1 {  // the common case: 0/1
            if bytes[0] == UInt8(ascii: "1") { return true }
            if bytes[0] == UInt8(ascii: "0") { return false }
        }
        if matches(bytes, any: positives) { return true }
        if matches(bytes, any: negatives) { return false }
        return nil
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, any words: [[UInt8]]) -> Bool {
        words.contains { equalsIgnoringASCIICase(bytes, $0) }
    }

    static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        for i in 0..<word.count {
            var b = bytes[i]
            if b >= 65 && b <= 90 { b += 32 }
            if b != word[i] { return false }
        }
        return true
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        for i in 0..<word.count where bytes[i] != word[i] { return false }
        return true
    }
}
