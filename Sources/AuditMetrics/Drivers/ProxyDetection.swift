import LinearAlgebra

/// How well the non-protected criteria predict a protected attribute: a criterion that does is
/// a proxy, through which a grid that never reads the attribute can still treat its groups
/// differently (Feldman et al. 2015, "Certifying and removing disparate impact", KDD: the
/// balanced error rate of predicting the attribute; Datta et al. 2017, "Proxy non-discrimination
/// in data-driven systems", on association as the proxy signal).
///
/// Per feature: Cramér's V for a categorical feature, the correlation ratio η for a numeric
/// one (``Association``), both in [0, 1] with 1 for a perfect proxy, ranked. Jointly: a logistic
/// regression of the attribute (each level against the rest; for a binary attribute, the higher
/// code against the lower) on every feature (``LogisticRegression``), with the in-sample AUC of
/// its fitted probabilities: 0.5 means the features together carry no information on the
/// attribute, 1 that they reveal it. In-sample AUC is optimistic by roughly `k/n`.
public enum ProxyDetection {
    /// Analyses one protected attribute.
    ///
    /// - Parameters:
    ///   - attribute: the attribute's name.
    ///   - groups: its codes, one per row, −1 for a missing value (the row is left out).
    ///   - features: the candidate proxies, each with one value per row.
    /// - Throws: ``DriversError`` when a feature's length differs from `groups`, a code is below
    ///   −1 or a numeric value is not finite.
    public static func analyse(attribute: String, groups: [Int32], features: [ProxyFeature]) throws -> ProxyReport {
        let n = groups.count
        let levels = try DriversInput.levelCount(groups, "\(attribute) codes")
        for feature in features {
            switch feature.values {
            case .categorical(let codes):
                try DriversInput.requireCount(codes.count, n, "\(feature.name) (one value per row)")
                _ = try DriversInput.levelCount(codes, "\(feature.name) codes")
            case .numeric(let values):
                try DriversInput.requireCount(values.count, n, "\(feature.name) (one value per row)")
                try DriversInput.requireFinite(values, feature.name)
            }
        }

        let associations = features.map { feature -> ProxyAssociation in
            switch feature.values {
            case .categorical(let codes):
                let count = zip(codes, groups).reduce(0) { $0 + ($1.0 >= 0 && $1.1 >= 0 ? 1 : 0) }
                return ProxyAssociation(feature: feature.name, measure: .cramersV,
                                        value: Association.cramersV(codes, groups), count: count)
            case .numeric(let values):
                let count = groups.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
                return ProxyAssociation(feature: feature.name, measure: .correlationRatio,
                                        value: Association.correlationRatio(values, groups: groups), count: count)
            }
        }
        let ranked = associations.sorted { a, b in
            switch (a.value.value, b.value.value) {
            case let (x?, y?): return x != y ? x > y : a.feature < b.feature
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.feature < b.feature
            }
        }

        let rows = (0..<n).filter { i in
            groups[i] >= 0 && features.allSatisfy { feature in
                if case .categorical(let codes) = feature.values { return codes[i] >= 0 }
                return true
            }
        }
        var models: [ProxyLevelModel] = []
        var counts = [Int](repeating: 0, count: levels)
        for i in rows { counts[Int(groups[i])] += 1 }
        let observed = (0..<levels).filter { counts[$0] > 0 }
        if observed.count >= 2, !features.isEmpty {
            let (design, terms) = try designMatrix(features: features, rows: rows)
            let modelled = observed.count == 2 ? [observed[1]] : observed
            for level in modelled {
                let outcome = rows.map { Int(groups[$0]) == level }
                let fit: LogisticRegressionFit
                if design.rows >= design.columns {
                    fit = try LogisticRegression.fit(design: design, outcome: outcome)
                } else {
                    let u = MetricValue.undefined(reason: "\(design.rows) rows for \(design.columns) coefficients")
                    fit = LogisticRegressionFit(coefficients: Array(repeating: u, count: design.columns),
                                                standardErrors: Array(repeating: u, count: design.columns),
                                                logLikelihood: u, auc: u, iterations: 0, converged: false, separation: false)
                }
                models.append(ProxyLevelModel(level: Int32(level), positives: counts[level],
                                              negatives: rows.count - counts[level], terms: terms, fit: fit))
            }
        }
        return ProxyReport(attribute: attribute, ranked: ranked, models: models, modelObservations: rows.count)
    }

    /// The joint design over `rows`: intercept, numeric features as they are, and one dummy per
    /// observed code of each categorical feature except its lowest observed code.
    static func designMatrix(features: [ProxyFeature], rows: [Int]) throws -> (Matrix, [String]) {
        let m = rows.count
        var storage = [Double](repeating: 1, count: m)
        var terms = ["intercept"]
        for feature in features {
            switch feature.values {
            case .numeric(let values):
                storage.append(contentsOf: rows.map { values[$0] })
                terms.append(feature.name)
            case .categorical(let codes):
                let present = Set(rows.map { codes[$0] }).sorted()
                for code in present.dropFirst() {
                    storage.append(contentsOf: rows.map { codes[$0] == code ? 1 : 0 })
                    terms.append("\(feature.name)=\(code)")
                }
            }
        }
        return (try Matrix(rows: m, columns: terms.count, columnMajor: storage), terms)
    }
}
