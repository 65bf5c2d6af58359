extension AuditFacts {
    /// Reads the facts from `report.json` (schema 1.1, `docs/report-schema.md`) and the
    /// manifest's records.
    static func read(report: JSONDocument, inputs: [AuditFile], outputs: [AuditFile],
                     vigieVersion: String, vigieCommit: String, manifestSHA256: String) throws(RegisterError) -> AuditFacts {
        let input = try report.member("input")
        let spec = try report.member("spec")
        let inference = try spec.member("inference")
        let verdicts = try report.member("verdicts")

        var attributes: [AuditAttribute] = []
        var adverse: [AuditAdverseImpact] = []
        // The missing group of each single attribute, by its flag (never by its label).
        var missing: [String: String] = [:]
        for attribute in try report.array("attributes") {
            let name = try attribute.string("name")
            var groups = 0, unknownRows = 0
            for group in try attribute.array("groups") {
                let count = try group.integer("count")
                if count > 0 { groups += 1 }
                let isUnknown = try group.bool("unknown")
                // In a single attribute only the group of missing values is `unknown` (its label
                // is `unknown (missing)` when a value is literally `unknown`).
                if isUnknown, !name.contains("*") { unknownRows = count; missing[name] = try group.string("group") }
                if let flag = try group.optional("adverse_impact"), try flag.bool(),
                   !isUnknown, !(try group.bool("below_min_size")),
                   let ratio = try Self.okValue(try group.optional("impact_ratio")) {
                    adverse.append(AuditAdverseImpact(attribute: name, group: try group.string("group"), impactRatio: ratio))
                }
            }
            attributes.append(AuditAttribute(name: name, kind: try attribute.string("kind"), groups: groups, unknownRows: unknownRows))
        }

        var disparities: [AuditDisparity] = []
        for finding in try report.array("findings") where try finding.string("verdict") == "disparity" {
            let value = try finding.member("value")
            let ci = try value.member("ci")
            disparities.append(AuditDisparity(
                attribute: try finding.string("attribute"), group: try finding.string("group"),
                reference: try finding.string("reference"), metric: try finding.string("metric"),
                kind: try finding.string("kind"), value: try value.member("value").number(),
                low: try ci.member("low").number(), high: try ci.member("high").number(),
                pAdjusted: try finding.member("p_adjusted").number()
            ))
        }

        var facts = AuditFacts(
            reportSchema: try report.string("schema_version"),
            vigieVersion: vigieVersion, vigieCommit: vigieCommit, manifestSHA256: manifestSHA256,
            inputs: inputs, outputs: outputs,
            rows: try input.integer("rows"), dataFile: try input.string("data_file"),
            hasLabel: try input.bool("has_label"), hasDecision: try input.bool("has_decision"),
            protectedColumns: try spec.array("protected").map { (p) throws(RegisterError) -> String in try p.string("column") },
            intersectionOrder: try spec.integer("intersections"),
            attributes: attributes,
            disparityCount: try verdicts.integer("disparity"),
            noDisparityCount: try verdicts.integer("no_disparity"),
            insufficientEvidenceCount: try verdicts.integer("insufficient_evidence"),
            adjust: try inference.string("adjust"), alpha: try inference.member("alpha").number(),
            disparities: disparities,
            impactRatioThreshold: try spec.member("impact_ratio_threshold").number(),
            adverseImpacts: adverse,
            allocationLowest: []
        )
        if let intended = try verdicts.optional("intended") { facts.intendedCount = try intended.integer() }
        if let disclosure = try report.optional("disclosure") {
            facts.minCellSize = try disclosure.integer("min_cell_size")
            facts.suppressedCells = try disclosure.array("suppressed_cells").count
            facts.suppressedFindings = try disclosure.integer("suppressed_findings")
        }
        if let allocation = try report.optional("allocation") {
            try facts.readAllocation(allocation, missing: missing)
        }
        if let model = try report.optional("model") {
            facts.modelName = try model.string("name")
            facts.modelFile = try model.string("file")
            facts.modelRole = try model.optional("role")?.string()
            facts.modelAllocationRule = try model.optional("allocation_rule")?.string()
            facts.modelSelected = try model.optional("selected")?.integer()
        }
        return facts
    }

    /// `missing`: the label of each attribute's missing group, read from its flag in the audit.
    private mutating func readAllocation(_ allocation: JSONDocument, missing: [String: String]) throws(RegisterError) {
        allocationQuantity = try allocation.string("quantity")
        let overall = try allocation.member("overall")
        allocationHouseholds = try overall.integer("households")
        let metrics = try overall.member("metrics")
        allocationGini = try Self.okValue(try metrics.optional("gini"))
        allocationEffortAbove3Percent = try Self.okValue(try metrics.optional("effort_above_3pct_share"))
        for attribute in try allocation.array("attributes") {
            guard let reference = try attribute.optional("reference")?.string() else { continue }
            var lowest: AuditAllocationExtreme?
            for group in try attribute.array("groups") {
                guard let ratio = try Self.okValue(try group.optional("disparities")?.optional("allocation_per_capita_ratio")) else { continue }
                let label = try group.string("group")
                guard label != missing[try attribute.string("name")], label != reference else { continue }
                if let current = lowest, current.perCapitaRatio <= ratio { continue }
                lowest = AuditAllocationExtreme(attribute: try attribute.string("name"), group: label, reference: reference, perCapitaRatio: ratio)
            }
            if let lowest { allocationLowest.append(lowest) }
        }
    }

    /// The number of a `value` object whose status is `ok`; `nil` when absent, undefined or
    /// suppressed.
    static func okValue(_ node: JSONDocument?) throws(RegisterError) -> Double? {
        guard let node, try node.string("status") == "ok" else { return nil }
        return try node.member("value").number()
    }
}
