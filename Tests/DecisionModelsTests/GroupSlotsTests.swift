import TestSupport
import AuditData
@testable import DecisionModels
import Testing

/// The sensitivity's one pass over the rows for every attribute (`GroupSlots`, issue 21) against
/// the attribute-by-attribute loop (`GridGroupDisparity.compute`): the same counts, and sums
/// with the same bits (each group's scores added in row order), at both slot widths.
@Suite("GroupSlots")
struct GroupSlotsTests {
    /// Attributes with `sizes[a]` groups, codes drawn at random (group 0 most often, so that
    /// consecutive rows often share a group and the order of additions matters).
    static func attributes(sizes: [Int], rows: Int, random: inout SplitMix64) -> [GroupColumn] {
        sizes.enumerated().map { a, size in
            let codes = (0..<rows).map { _ in UInt32(random.next() % 3 == 0 ? 0 : random.next() % UInt64(size)) }
            return GroupColumn(attribute: "a\(a)", codes: codes, groups: (0..<size).map { "g\($0)" }, unknownCode: size > 2 ? UInt32(size - 1) : nil)
        }
    }

    @Test(arguments: [[4, 2, 6, 2, 2], [300, 3], [1, 255], [256, 1]])
    func onePassEqualsTheLoopPerAttribute(sizes: [Int]) {
        var random = SplitMix64(state: UInt64(sizes.reduce(17, &+)))
        let rows = 5_003
        let attributes = Self.attributes(sizes: sizes, rows: rows, random: &random)
        let slots = GroupSlots(attributes: attributes, rows: rows)
        #expect(slots.slotCount == sizes.reduce(0, +))
        // Scaled scores on a grid of 10^-2 with a unit of 100, as a grid with two decimals.
        let scaled = (0..<rows).map { _ in Double(random.next() % 1_000_003) }
        let selected = (0..<rows).map { _ in random.next() % 7 == 0 }
        let unit = 100.0
        let points = scaled.map { $0 / unit }
        let tally = scaled.withUnsafeBufferPointer { s in selected.withUnsafeBufferPointer { slots.tally(scaled: s, unit: unit, selected: $0) } }
        #expect(tally.selected == selected.filter { $0 }.count)
        for (a, attribute) in attributes.enumerated() {
            let range = slots.offsets[a]..<(slots.offsets[a] + attribute.groups.count)
            let reference = points.withUnsafeBufferPointer {
                GridGroupDisparity.compute(attribute: attribute, counts: attribute.counts, reference: 0, minGroupSize: 30,
                                           scores: $0, selected: selected[...])
            }
            let onePass = GridGroupDisparity.disparities(attribute: attribute, counts: attribute.counts, reference: 0, minGroupSize: 30,
                                                         priorities: nil, chosen: tally.chosen[range], sums: tally.sums[range])
            #expect(onePass == reference, "sizes \(sizes), attribute \(a)")
            // The sums themselves, bit for bit, against a plain loop in row order.
            var sums = [Double](repeating: 0, count: attribute.groups.count)
            for i in 0..<rows { sums[Int(attribute.codes[i])] += points[i] }
            #expect(Array(tally.sums[range]).map(\.bitPattern) == sums.map(\.bitPattern))
        }
    }
}
