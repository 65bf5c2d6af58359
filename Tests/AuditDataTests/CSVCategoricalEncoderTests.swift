import TestSupport
import Foundation
import Testing
@testable import AuditData

@Suite("CSV reader: categorical encoder")
struct CSVCategoricalEncoderTests {
    func code(_ encoder: inout CategoricalEncoder, _ text: String) -> UInt32 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { encoder.code(for: $0) }
    }

    @Test func codesInOrderOfFirstAppearance() {
        var encoder = CategoricalEncoder()
        #expect(encoder.count == 0)
        #expect(code(&encoder, "Male") == 0)
        #expect(code(&encoder, "Female") == 1)
        #expect(code(&encoder, "Male") == 0)
        #expect(code(&encoder, "") == 2)
        #expect(code(&encoder, "male") == 3)
        #expect(code(&encoder, "") == 2)
        #expect(encoder.levels == ["Male", "Female", "", "male"])
        #expect(encoder.count == 4)
    }

    @Test func manyLevelsAgainstDictionary() {
        var rng = SplitMix64(seed: 5)
        var encoder = CategoricalEncoder()
        var reference: [String: UInt32] = [:]
        var order: [String] = []
        for _ in 0..<100_000 {
            let length = Int.random(in: 0...24, using: &rng)
            let text = String((0..<length).map { _ in "abcdefgh".randomElement(using: &rng)! }).prefix(Int.random(in: 0...24, using: &rng))
            let key = String(Int.random(in: 0..<5000, using: &rng)) + "-" + text.prefix(Int.random(in: 0...3, using: &rng))
            let expected: UInt32
            if let known = reference[key] {
                expected = known
            } else {
                expected = UInt32(order.count)
                reference[key] = expected
                order.append(key)
            }
            #expect(code(&encoder, key) == expected)
        }
        #expect(encoder.levels == order)
    }

    @Test func invalidUTF8LevelIsRejectedOnceWithLocation() throws {
        let path = try csvTempFile(Array("id,sexe\n1,H\n2,F\n3,".utf8) + [0xC9, 0x74] + Array("\n".utf8))
        let reader = try CSVReader(path: path)
        var encoder = CategoricalEncoder()
        var codes: [UInt32] = []
        let error = csvExpectError {
            try reader.forEachRow(selecting: [1]) { row in codes.append(try encoder.code(for: row, 0)) }
        }
        #expect(codes == [0, 1])
        #expect(error == CSVError(file: path, line: 4, column: 2, columnName: "sexe",
                                  message: "invalid UTF-8 in field (re-encode the file as UTF-8)"))
        // The non-throwing variant repairs instead.
        let bytes: [UInt8] = [0xC9, 0x74]
        var lenient = CategoricalEncoder()
        _ = bytes.withUnsafeBufferPointer { lenient.code(for: $0) }
        #expect(lenient.levels == ["\u{FFFD}t"])
    }
}
