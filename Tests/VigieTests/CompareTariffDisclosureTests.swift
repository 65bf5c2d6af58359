import Foundation
import Testing

/// `vigie compare --tariff A --tariff B` goes through the audit's disclosure control
/// (`--min-cell-size`): a small group shows its households only, and so does at least one more
/// group of its attribute, so that an attacker who knows every published number cannot solve
/// for its values from the totals.
@Suite("CompareTariffDisclosure") struct CompareTariffDisclosureTests {
    let scratch = Scratch()

    @Test func aSmallGroupIsHiddenAndCannotBeSolved() throws {
        let water = CLI.root.appendingPathComponent("Fixtures/water")
        let out = scratch.folder()
        // Murviel-lès-Montpellier has 29 households: under 30.
        let run = try CLI.run(["compare", "--spec", water.appendingPathComponent("audit.yaml").path,
                               "--tariff", water.appendingPathComponent("tariff-2023.yaml").path,
                               "--tariff", water.appendingPathComponent("tariff-alternative.yaml").path,
                               "--min-cell-size", "30", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
            .split(separator: "\n").map { Self.fields(String($0)) }
        let header = lines[0]
        #expect(header.last == "suppressed")
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        let murviel = try #require(rows.first { $0["group"] == "Murviel-lès-Montpellier" })
        #expect(murviel["households"] == "29" && murviel["suppressed"] == "primary")
        for name in header.dropFirst(3).dropLast() { #expect(murviel[name] == "", "\(name)") }
        // The attacker: per attribute, the published totals (overall households × mean, shares ×
        // households) minus the published groups leave the hidden groups' sum; with one hidden
        // group it would be that group's value. Never exactly one, and the remainders of the
        // counts paying more or less are neither 0 nor every hidden household (which would pin
        // each hidden group at 0 % or 100 %).
        let overall = try #require(rows.first { $0["attribute"] == "overall" })
        let total = Double(overall["households"] ?? "") ?? 0
        var hiddenSeen = 0
        for attribute in Set(rows.compactMap { $0["attribute"] }) where attribute != "overall" {
            let group = rows.filter { $0["attribute"] == attribute }
            let hidden = group.filter { $0["suppressed"] != "" }
            hiddenSeen += hidden.count
            #expect(hidden.count != 1, "\(attribute): one hidden group would be solved by subtraction")
            guard !hidden.isEmpty else { continue }
            let hiddenHouseholds = hidden.compactMap { Double($0["households"] ?? "") }.reduce(0, +)
            for share in ["share_paying_more", "share_paying_less"] {
                let all = (Double(overall[share] ?? "") ?? 0) * total
                let visible = group.filter { $0["suppressed"] == "" }.map { (Double($0[share] ?? "") ?? 0) * (Double($0["households"] ?? "") ?? 0) }.reduce(0, +)
                let remainder = (all - visible).rounded()
                #expect(remainder > 0 && remainder < hiddenHouseholds, "\(attribute) \(share): remainder \(remainder) of \(hiddenHouseholds)")
            }
        }
        #expect(hiddenSeen >= 2)
        let md = try String(contentsOf: out.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(md.contains("fewer than 30 households"), "\(md)")
        // --min-cell-size 0 turns it off: every group published.
        let open = scratch.folder()
        let all = try CLI.run(["compare", "--spec", water.appendingPathComponent("audit.yaml").path,
                               "--tariff", water.appendingPathComponent("tariff-2023.yaml").path,
                               "--tariff", water.appendingPathComponent("tariff-alternative.yaml").path,
                               "--min-cell-size", "0", "--out", open.path])
        #expect(all.status == 0)
        #expect(!(try String(contentsOf: open.appendingPathComponent("compare.csv"), encoding: .utf8)).contains("primary"))
    }

    /// CSV fields, quotes handled (labels may hold commas).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out
    }
}
