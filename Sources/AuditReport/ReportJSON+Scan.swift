import AuditMetrics

extension ReportJSON {
    /// The scan for groups no one declared (`docs/report-schema.md#scan`, `docs/scan.md`),
    /// when the spec has a `scan:` block: its settings, and per scanned population the counts
    /// and the confirmed clusters, as `scan.csv` gives them (held-out half). Aggregates only:
    /// every cluster has at least `min_cell_size` held-out applicants inside and outside.
    struct ScanJSON: Encodable {
        struct ClusterJSON: Encodable {
            /// Numbered from 1 across populations, as in `scan.csv`.
            let cluster: Int
            /// Language-neutral (`ScanReport.plain`).
            let description: String
            let coverage: Double
            let precision: Double
            /// Held-out applicants in the cluster and in the rest of the population.
            let size: Int
            let rest_size: Int
            let cluster_mean: Double
            let rest_mean: Double
            let difference: Double
            let ci_low: Double?
            let ci_high: Double?
            let p_value: Double?
            /// Why `p_value` or the interval is missing, when one is.
            let unavailable: String?
            let p_adjusted: Double
        }
        struct PopulationJSON: Encodable {
            /// `grid_selected`, `grid_not_selected` or `all`.
            let name: String
            /// `binary` (a yes/no outcome: means are shares) or `numeric`.
            let outcome_kind: String
            let rows: Int
            let discovery_rows: Int
            let held_out_rows: Int
            let min_cluster_size: Int
            let splits: Int
            let leaves: Int
            let candidates: Int
            let candidates_too_small: Int
            let tested: Int
            let clusters: [ClusterJSON]
        }
        let columns: [String]
        let decision: String?
        let outcome: String?
        let seed: UInt64
        let alpha: Double
        let min_cell_size: Int
        let populations: [PopulationJSON]

        init(_ s: ScanReport.Input) {
            columns = s.columns
            decision = s.grid?.decision
            outcome = s.outcome
            seed = s.seed
            alpha = s.alpha
            min_cell_size = s.minCellSize
            var number = 0
            populations = s.populations.map { p in
                let r = p.result
                let clusters = zip(r.reported, p.descriptions).map { cluster, description -> ClusterJSON in
                    number += 1
                    let c = cluster.heldOut
                    return ClusterJSON(cluster: number, description: ScanReport.plain(description), coverage: description.coverage,
                                       precision: description.precision, size: c.clusterSize, rest_size: c.restSize,
                                       cluster_mean: c.clusterMean, rest_mean: c.restMean, difference: c.difference,
                                       ci_low: c.interval?.low, ci_high: c.interval?.high,
                                       p_value: c.pValue.map { PublishedPValue.bounded($0).value },
                                       unavailable: c.pValue == nil || c.interval == nil ? (c.reason ?? "undefined") : nil,
                                       p_adjusted: PublishedPValue.bounded(cluster.pAdjusted).value)
                }
                return PopulationJSON(name: p.name, outcome_kind: p.binary ? "binary" : "numeric", rows: r.rows, discovery_rows: r.discoveryRows,
                                      held_out_rows: r.heldOutRows, min_cluster_size: r.minimumClusterSize, splits: r.splits, leaves: r.leaves,
                                      candidates: r.candidates, candidates_too_small: r.candidatesTooSmall, tested: r.clusters.count,
                                      clusters: clusters)
            }
        }
    }
}
