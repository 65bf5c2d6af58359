import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

@Suite("DroughtRule")
struct DroughtRuleTests {
    func rule() throws -> DroughtRule {
        try DroughtRule(contentsOfFile: RepositoryPaths.fixture("water/drought-rule.yaml"))
    }

    @Test func parsesTheCommittedRule() throws {
        let r = try rule()
        #expect(r.protectedPerPerson == 25)
        #expect(r.reductions == [.vigilance: 0, .alerte: 0.10, .alerteRenforcee: 0.25, .crise: 0.50])
        #expect(DroughtLevel(rawValue: "alerte_renforcee") == .alerteRenforcee)
        #expect(DroughtLevel.vigilance < .alerte && .alerte < .alerteRenforcee && .alerteRenforcee < .crise)
    }

    @Test func restrictedVolumesByHand() throws {
        let r = try rule()
        // 4 persons: 100 m³ protected. 160 m³ → 60 above.
        #expect(r.restrictedVolume(volume: 160, persons: 4, level: .vigilance) == 160)
        #expect(abs(r.restrictedVolume(volume: 160, persons: 4, level: .alerte) - (100 + 0.9 * 60)) < 1e-9)
        #expect(abs(r.restrictedVolume(volume: 160, persons: 4, level: .alerteRenforcee) - (100 + 0.75 * 60)) < 1e-9)
        #expect(r.restrictedVolume(volume: 160, persons: 4, level: .crise) == 130)
        // Below or at the protected volume: untouched.
        #expect(r.restrictedVolume(volume: 80, persons: 4, level: .crise) == 80)
        #expect(r.restrictedVolume(volume: 100, persons: 4, level: .crise) == 100)
        // One person, 60 m³ in crisis: 25 + 0.5 × 35.
        #expect(r.restrictedVolume(volume: 60, persons: 1, level: .crise) == 42.5)
        #expect(r.protectedVolume(persons: 3) == 75)
        #expect(r.restrictedVolume(volume: -3, persons: 2, level: .crise) == 0)
    }

    @Test func restrictionNeverIncreasesVolumeAndIsMonotoneInSeverity() throws {
        let r = try rule()
        for v in stride(from: 0.0, through: 400, by: 7.5) {
            for p in 1...6 {
                var last = Double.infinity
                for level in DroughtLevel.allCases {
                    let x = r.restrictedVolume(volume: v, persons: p, level: level)
                    #expect(x <= v && x <= last)
                    #expect(x >= min(v, 25 * Double(p)))
                    last = x
                }
            }
        }
    }

    func failure(_ yaml: String) -> SpecError? {
        do {
            _ = try DroughtRule(yaml: yaml, file: "d.yaml")
            Issue.record("expected an error")
            return nil
        } catch {
            return error
        }
    }

    static let valid = """
        name: test
        protected_per_person: 25
        reductions:
          vigilance: 0
          alerte: 0.1
          alerte_renforcee: 0.25
          crise: 0.5
        """

    @Test func errorsNameFileLineAndKey() throws {
        let cases: [(String, String, Int?, String)] = [
            (Self.valid.replacingOccurrences(of: "crise: 0.5", with: "crise: 1.5"), "reductions.crise", 7, "from 0 to 1"),
            (Self.valid.replacingOccurrences(of: "crise: 0.5", with: "crisis: 0.5"), "reductions.crisis", 7, "unknown key"),
            (Self.valid.replacingOccurrences(of: "  crise: 0.5", with: ""), "reductions", 3, "missing level 'crise'"),
            (Self.valid.replacingOccurrences(of: "crise: 0.5", with: "crise: 0.2"), "reductions.crise", 7, "must not decrease"),
            (Self.valid.replacingOccurrences(of: "protected_per_person: 25", with: "protected_per_person: -1"), "protected_per_person", 2, "≥ 0"),
            (Self.valid.replacingOccurrences(of: "protected_per_person: 25\n", with: ""), "protected_per_person", 1, "missing"),
            (Self.valid + "\nlevels: 3\n", "levels", 8, "unknown key"),
            (Self.valid.replacingOccurrences(of: "alerte: 0.1", with: "alerte: dix"), "reductions.alerte", 5, "expected a number"),
        ]
        for (yaml, key, line, message) in cases {
            guard let e = failure(yaml) else { continue }
            #expect(e.file == "d.yaml")
            #expect(e.key == key, "\(e)")
            #expect(e.line == line, "\(e)")
            #expect(e.message.contains(message), "\(e)")
        }
    }

    @Test func programmaticInitValidates() {
        #expect(throws: SpecError.self) { try DroughtRule(name: "x", protectedPerPerson: 25, reductions: [.crise: 0.5]) }
        #expect(throws: SpecError.self) { try DroughtRule(name: "", protectedPerPerson: 25, reductions: [:]) }
    }
}
