import TestSupport
import AuditMetrics
import Testing


/// A generated population in which one criterion is planted as a proxy for nationality: the
/// planted criterion must rank first, and the joint model must see it.
@Suite struct DriversPlantedProxyTests {
    static func population(seed: UInt64, rows: Int) -> (nationalite: [Int32], features: [ProxyFeature]) {
        var random = SplitMix64(state: seed)
        var nationalite = [Int32](), lien = [Int32](), quartile = [Int32](), anciennete = [Double](), handicap = [Int32]()
        for _ in 0..<rows {
            let u = random.uniform()
            let nat: Int32 = u < 0.75 ? 0 : (u < 0.8 ? 1 : 2)       // FR / UE / hors_UE
            nationalite.append(random.uniform() < 0.01 ? -1 : nat)
            // The planted proxy: a tie to the commune is far rarer outside the EU.
            let pLien = nat == 0 ? 0.75 : (nat == 1 ? 0.55 : 0.2)
            lien.append(random.uniform() < pLien ? 1 : 0)
            quartile.append(Int32(random.uniform() * 4))             // independent of nationality
            anciennete.append(Double(Int(random.uniform() * 11) * 4))   // independent
            handicap.append(random.uniform() < 0.08 ? 1 : 0)           // independent
        }
        return (nationalite, [
            ProxyFeature(name: "anciennete", values: .numeric(anciennete)),
            ProxyFeature(name: "handicap", values: .categorical(handicap)),
            ProxyFeature(name: "lien_commune", values: .categorical(lien)),
            ProxyFeature(name: "quartile_ressources", values: .categorical(quartile)),
        ])
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func plantedProxyRanksFirst(seed: UInt64) throws {
        let (nationalite, features) = Self.population(seed: seed, rows: 20_000)
        let report = try ProxyDetection.analyse(attribute: "nationalite", groups: nationalite, features: features)
        #expect(report.ranked.first?.feature == "lien_commune")
        let planted = try #require(report.ranked.first?.value.value)
        #expect(planted > 0.3)
        #expect(report.ranked.dropFirst().allSatisfy { ($0.value.value ?? 1) < 0.05 })
        // Joint models: one per level (three levels); hors_UE is well predicted, and the
        // coefficient of the planted proxy is the one far from 0.
        #expect(report.models.map(\.level) == [0, 1, 2])
        let horsUE = report.models[2]
        #expect(horsUE.fit.converged && (horsUE.fit.auc.value ?? 0) > 0.65)
        let index = try #require(horsUE.terms.firstIndex(of: "lien_commune=1"))
        let z = horsUE.fit.coefficients[index].value! / horsUE.fit.standardErrors[index].value!
        #expect(z < -20)
        for (term, (c, s)) in zip(horsUE.terms, zip(horsUE.fit.coefficients, horsUE.fit.standardErrors))
        where term != "intercept" && term != "lien_commune=1" {
            #expect(abs(c.value! / s.value!) < 4.5, "\(term) should not look like a proxy")
        }
    }

    @Test func binaryAttributeHasOneModel() throws {
        let (nationalite, features) = Self.population(seed: 9, rows: 5_000)
        let horsUE = nationalite.map { $0 < 0 ? -1 : ($0 == 2 ? Int32(1) : 0) }
        let report = try ProxyDetection.analyse(attribute: "hors_UE", groups: horsUE, features: features)
        #expect(report.models.map(\.level) == [1])
        #expect(report.ranked.first?.feature == "lien_commune")
    }
}
