/// The measured facts as sentences, in the record's language. Each sentence states only
/// values read from `report.json` and `manifest.json`.
extension AuditFacts {
    /// The attributes and intersections checked, the groups and the rows.
    func groupsText(_ l: RegisterLanguage) -> String {
        let singles = attributes.filter { $0.kind == "attribute" }
        let crossed = attributes.count - singles.count
        let list = singles.map(\.name).joined(separator: ", ")
        let a = l.count(singles.count), i = l.count(crossed), k = l.count(intersectionOrder)
        let g = l.count(groupsChecked), r = l.count(rows)
        let cross = crossed == 0 ? "" : l.pick(" et \(i) croisements (jusqu'à \(k) attributs)",
                                               " and \(i) intersections (up to \(k) attributes)",
                                               " en \(i) combinaties (tot \(k) kenmerken)")
        return l.pick(
            "\(a) attributs protégés (\(list))\(cross) ; \(g) groupes d'au moins une ligne contrôlés sur \(r) lignes de \(dataFile).",
            "\(a) protected attributes (\(list))\(cross); \(g) groups with at least one row checked over \(r) rows of \(dataFile).",
            "\(a) beschermde kenmerken (\(list))\(cross); \(g) groepen met ten minste één rij gecontroleerd over \(r) rijen van \(dataFile)."
        )
    }

    /// The verdicts of every comparison.
    func verdictsText(_ l: RegisterLanguage) -> String {
        guard findingCount > 0 else {
            return l.pick("Aucun taux comparé entre groupes : l'audit ne porte que sur une allocation, sans verdict.",
                          "No rate compared between groups: the audit covers an allocation only, with no verdict.",
                          "Geen percentages tussen groepen vergeleken: de audit betreft alleen een verdeling, zonder oordeel.")
        }
        let n = l.count(findingCount), d = l.count(disparityCount), nd = l.count(noDisparityCount), ie = l.count(insufficientEvidenceCount)
        let a = l.fixed(alpha, 2)
        let intended = intendedCount == 0 ? "" : l.pick(
            " \(l.count(intendedCount)) écarts en faveur d'une priorité légale, voulus (intended).",
            " \(l.count(intendedCount)) gaps in favour of a mandated priority, intended.",
            " \(l.count(intendedCount)) verschillen ten gunste van een wettelijke voorrang, beoogd (intended).")
        return l.pick(
            "\(n) comparaisons avec le groupe de référence (différences et rapports), p-valeurs ajustées (\(adjust), α = \(a)) : \(d) avec écart établi (disparity), \(nd) sans écart (no_disparity), \(ie) sans preuve suffisante (insufficient_evidence).",
            "\(n) comparisons with the reference group (differences and ratios), p-values adjusted (\(adjust), α = \(a)): \(d) disparity, \(nd) no disparity, \(ie) insufficient evidence.",
            "\(n) vergelijkingen met de referentiegroep (verschillen en verhoudingen), p-waarden gecorrigeerd (\(adjust), α = \(a)): \(d) verschil vastgesteld (disparity), \(nd) geen verschil (no_disparity), \(ie) onvoldoende bewijs (insufficient_evidence)."
        ) + intended
    }

    /// Every finding with the verdict `disparity`, with its interval and adjusted p-value.
    func disparitiesText(_ l: RegisterLanguage) -> String {
        guard !disparities.isEmpty else {
            return l.pick("Aucun écart établi.", "No disparity found.", "Geen verschil vastgesteld.")
        }
        let items = disparities.map { d -> String in
            let kind = d.kind == "ratio" ? l.pick("rapport", "ratio", "verhouding") : l.pick("différence", "difference", "verschil")
            let v = l.fixed(d.value, 3), lo = l.fixed(d.low, 3), hi = l.fixed(d.high, 3)
            let p = d.pAdjusted < 0.001 ? "< " + l.fixed(0.001, 3) : l.fixed(d.pAdjusted, 3)
            let m = l.metric(d.metric)
            return l.pick(
                "\(d.attribute) = \(d.group) face à \(d.reference), \(m) : \(kind) \(v) [\(lo) ; \(hi)], p ajustée \(p)",
                "\(d.attribute) = \(d.group) against \(d.reference), \(m): \(kind) \(v) [\(lo), \(hi)], adjusted p \(p)",
                "\(d.attribute) = \(d.group) tegenover \(d.reference), \(m): \(kind) \(v) [\(lo); \(hi)], gecorrigeerde p \(p)"
            )
        }
        return l.pick("Écarts établis : ", "Disparities: ", "Vastgestelde verschillen: ") + items.joined(separator: l == .fr ? " ; " : "; ") + "."
    }

    /// The groups below the four-fifths threshold; `nil` without a decision.
    func fourFifthsText(_ l: RegisterLanguage) -> String? {
        guard hasDecision else { return nil }
        let t = l.fixed(impactRatioThreshold, 2)
        guard !adverseImpacts.isEmpty else {
            return l.pick("Aucun groupe sous le seuil des quatre cinquièmes (\(t)).",
                          "No group below the four-fifths threshold (\(t)).",
                          "Geen groep onder de vier-vijfdendrempel (\(t)).")
        }
        let items = adverseImpacts.map { "\($0.attribute) = \($0.group) (\(l.fixed($0.impactRatio, 3)))" }
        let separator = l == .fr ? " ; " : "; "
        return l.pick("Sous le seuil des quatre cinquièmes (\(t)), rapport d'impact : ",
                      "Below the four-fifths threshold (\(t)), impact ratio: ",
                      "Onder de vier-vijfdendrempel (\(t)), impactratio: ") + items.joined(separator: separator) + "."
    }

    /// The allocation audit's headline values; `nil` without an allocation.
    func allocationText(_ l: RegisterLanguage) -> String? {
        guard let quantity = allocationQuantity, let households = allocationHouseholds else { return nil }
        var parts = [l.pick("Allocation auditée : \(quantity) pour \(l.count(households)) ménages",
                            "Allocation audited: \(quantity) for \(l.count(households)) households",
                            "Verdeling gecontroleerd: \(quantity) voor \(l.count(households)) huishoudens")]
        if let gini = allocationGini {
            parts.append(l.pick("indice de Gini \(l.fixed(gini, 3))", "Gini index \(l.fixed(gini, 3))", "Gini-index \(l.fixed(gini, 3))"))
        }
        if let effort = allocationEffortAbove3Percent {
            parts.append(l.pick("part payant plus de 3 % du revenu : \(l.percent(effort))",
                                "share paying more than 3 % of income: \(l.percent(effort))",
                                "aandeel dat meer dan 3 % van het inkomen betaalt: \(l.percent(effort))"))
        }
        if !allocationLowest.isEmpty {
            let items = allocationLowest.map { "\($0.attribute) = \($0.group) \(l.fixed($0.perCapitaRatio, 3)) (\(l.pick("réf.", "ref.", "ref.")) \($0.reference))" }
            parts.append(l.pick("rapport par personne le plus bas face à la référence : ",
                                "lowest per-capita ratio to the reference: ",
                                "laagste verhouding per persoon tot de referentie: ") + items.joined(separator: ", "))
        }
        return parts.joined(separator: l == .fr ? " ; " : "; ") + "."
    }

    /// What the disclosure control withheld; `nil` when the report has no such section.
    func disclosureText(_ l: RegisterLanguage) -> String? {
        guard let k = minCellSize, let cells = suppressedCells, let findings = suppressedFindings else { return nil }
        guard k > 0 else {
            return l.pick("Contrôle de divulgation désactivé.", "Disclosure control off.", "Openbaarmakingscontrole uitgeschakeld.")
        }
        return l.pick(
            "Contrôle de divulgation : taux masqués pour les groupes de moins de \(l.count(k)) lignes (\(l.count(cells)) cellules et \(l.count(findings)) constats retenus).",
            "Disclosure control: rates hidden for groups under \(l.count(k)) rows (\(l.count(cells)) cells and \(l.count(findings)) findings withheld).",
            "Openbaarmakingscontrole: percentages verborgen voor groepen van minder dan \(l.count(k)) rijen (\(l.count(cells)) cellen en \(l.count(findings)) bevindingen achtergehouden)."
        )
    }

    /// The SHA-256 of the manifest, the report and every input, and Vigie's version.
    func hashesText(_ l: RegisterLanguage) -> String {
        func role(_ r: String) -> String {
            switch r {
            case "data": l.pick("données", "data", "gegevens")
            case "model": l.pick("modèle", "model", "model")
            case "tariff": l.pick("tarif", "tariff", "tarief")
            case "drought": l.pick("règle sécheresse", "drought rule", "droogteregel")
            default: r
            }
        }
        var items = ["manifest.json SHA-256 \(manifestSHA256)"]
        if let report = outputs.first(where: { $0.name == "report.json" }) { items.append("report.json SHA-256 \(report.sha256)") }
        for input in inputs { items.append("\(role(input.role)) \(input.name) SHA-256 \(input.sha256)") }
        items.append("Vigie \(vigieVersion) (commit \(vigieCommit))")
        return items.joined(separator: l == .fr ? " ; " : "; ") + "."
    }

    /// The protected attributes present in the data (those audited).
    func sensitiveAttributesText(_ l: RegisterLanguage) -> String {
        let list = protectedColumns.joined(separator: ", ")
        return l.pick("Les données contiennent les attributs protégés audités : \(list).",
                      "The data hold the protected attributes audited: \(list).",
                      "De gegevens bevatten de gecontroleerde beschermde kenmerken: \(list).")
    }

    /// Rows audited and the missing values of each protected attribute.
    func completenessText(_ l: RegisterLanguage) -> String {
        let missing = attributes.filter { $0.kind == "attribute" && $0.unknownRows > 0 }
        let rowsText = l.count(rows)
        guard !missing.isEmpty else {
            return l.pick("\(rowsText) lignes auditées ; aucune valeur manquante dans les attributs protégés.",
                          "\(rowsText) rows audited; no missing value in the protected attributes.",
                          "\(rowsText) rijen gecontroleerd; geen ontbrekende waarde in de beschermde kenmerken.")
        }
        let items = missing.map { "\($0.name) \(l.count($0.unknownRows))" }.joined(separator: ", ")
        return l.pick("\(rowsText) lignes auditées ; valeurs manquantes (groupe unknown) : \(items).",
                      "\(rowsText) rows audited; missing values (group unknown): \(items).",
                      "\(rowsText) rijen gecontroleerd; ontbrekende waarden (groep unknown): \(items).")
    }

    /// The findings in a few sentences: verdicts, disparities, four-fifths, allocation,
    /// disclosure control.
    func findingsText(_ l: RegisterLanguage, listDisparities: Bool = true) -> String {
        var sentences = [verdictsText(l)]
        if listDisparities, findingCount > 0 { sentences.append(disparitiesText(l)) }
        if listDisparities, let fourFifths = fourFifthsText(l) { sentences.append(fourFifths) }
        if let allocation = allocationText(l) { sentences.append(allocation) }
        if let disclosure = disclosureText(l) { sentences.append(disclosure) }
        return sentences.joined(separator: " ")
    }
}
