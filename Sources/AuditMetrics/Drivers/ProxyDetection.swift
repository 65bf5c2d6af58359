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
    ///   - weights: observation weights (frequency weights: a row of weight `w` counts as `w`
    ///     rows in every measure and fit), nil for 1 per row.
    /// - Throws: ``DriversError`` when a feature's length differs from `groups`, a code is below
    ///   −1 or a numeric value or a weight is not finite, or a weight is negative.
    public static func analyse(attribute: String, groups: [Int32], features: [ProxyFeature],
                               weights: [Double]? = nil) throws -> ProxyReport {
        let n = groups.count
        _ = try DriversInput.levelCount(groups, "\(attribute) codes")
        try validate(features, units: n)
        if let weights {
            try DriversInput.requireCount(weights.count, n, "weights (one value per row)")
            try DriversInput.requireFinite(weights, "weights")
            if let row = weights.firstIndex(where: { $0 < 0 }) {
                throw DriversError.invalidArgument("weights: expected values ≥ 0, got \(weights[row]) at row \(row)")
            }
        }
        var cells = Cells()
        for i in 0..<n where groups[i] >= 0 {
            cells.append(unit: i, group: groups[i], count: 1, frequency: weights?[i] ?? 1)
        }
        return try analyse(attribute: attribute, features: features, cells: cells)
    }

    /// Analyses one protected attribute on a compressed design (``DesignPatterns``): the same
    /// report as ``analyse(attribute:groups:features:weights:)`` on the rows, with every sum
    /// taken over the (pattern, group) cells weighted by their frequency (exact; see
    /// ``DesignPatterns``). The logistic models are fitted on one binomial row per pattern
    /// (``LogisticRegression/fit(design:successes:trials:)``).
    ///
    /// - Parameters:
    ///   - groups: the attribute's codes, one per row of the compressed design.
    ///   - patterns: the compressed design.
    ///   - features: the candidate proxies, each with one value per *pattern*.
    /// - Throws: as ``analyse(attribute:groups:features:weights:)``.
    public static func analyse(attribute: String, groups: [Int32], patterns: DesignPatterns,
                               features: [ProxyFeature]) throws -> ProxyReport {
        try validate(features, units: patterns.patterns)
        var cells = Cells()
        for cell in try patterns.cells(groups: groups) {
            cells.append(unit: cell.pattern, group: cell.group, count: cell.count, frequency: cell.frequency)
        }
        return try analyse(attribute: attribute, features: features, cells: cells)
    }

    /// Rows (or patterns) by group: parallel arrays, ordered by unit.
    struct Cells {
        var unit: [Int] = [], group: [Int32] = [], count: [Int] = [], frequency: [Double] = []

        mutating func append(unit u: Int, group g: Int32, count c: Int, frequency f: Double) {
            unit.append(u); group.append(g); count.append(c); frequency.append(f)
        }
    }

    static func validate(_ features: [ProxyFeature], units: Int) throws {
        for feature in features {
            switch feature.values {
            case .categorical(let codes):
                try DriversInput.requireCount(codes.count, units, "\(feature.name) (one value per row)")
                _ = try DriversInput.levelCount(codes, "\(feature.name) codes")
            case .numeric(let values):
                try DriversInput.requireCount(values.count, units, "\(feature.name) (one value per row)")
                try DriversInput.requireFinite(values, feature.name)
            }
        }
    }

    /// The analysis on cells: every count and sum is over cells, weighted by their frequency.
    static func analyse(attribute: String, features: [ProxyFeature], cells: Cells) throws -> ProxyReport {
        let levels = Int((cells.group.max() ?? -1) + 1)
        let associations = features.map { feature -> ProxyAssociation in
            switch feature.values {
            case .categorical(let codes):
                let a = cells.unit.map { codes[$0] }
                let count = cells.count.indices.reduce(0) { $0 + (a[$1] >= 0 ? cells.count[$1] : 0) }
                return ProxyAssociation(feature: feature.name, measure: .cramersV,
                                        value: Association.cramersV(a, cells.group, frequencies: cells.frequency), count: count)
            case .numeric(let values):
                let count = cells.count.reduce(0, +)
                return ProxyAssociation(feature: feature.name, measure: .correlationRatio,
                                        value: Association.correlationRatio(cells.unit.map { values[$0] }, groups: cells.group,
                                                                            frequencies: cells.frequency), count: count)
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

        // The units of the joint models: attribute and every categorical feature present.
        func modelled(_ u: Int) -> Bool {
            features.allSatisfy { feature in
                if case .categorical(let codes) = feature.values { return codes[u] >= 0 }
                return true
            }
        }
        var units: [Int] = []                 // distinct, in cell order (cells are ordered by unit)
        var trials: [Double] = []
        var cellsOfLevel = [[Int]](repeating: [], count: levels)
        var position = [Int](repeating: -1, count: cells.unit.count)
        var counts = [Int](repeating: 0, count: levels)
        var observations = 0
        for c in cells.unit.indices where modelled(cells.unit[c]) {
            let u = cells.unit[c]
            if units.last != u {
                units.append(u)
                trials.append(0)
            }
            position[c] = units.count - 1
            trials[units.count - 1] += cells.frequency[c]
            let g = Int(cells.group[c])
            counts[g] += cells.count[c]
            observations += cells.count[c]
            cellsOfLevel[g].append(c)
        }
        var models: [ProxyLevelModel] = []
        let observed = (0..<levels).filter { counts[$0] > 0 }
        if observed.count >= 2, !features.isEmpty {
            let (design, terms) = try designMatrix(features: features, rows: units)
            let modelledLevels = observed.count == 2 ? [observed[1]] : observed
            for level in modelledLevels {
                let fit: LogisticRegressionFit
                if observations >= design.columns {
                    var successes = [Double](repeating: 0, count: units.count)
                    for c in cellsOfLevel[level] { successes[position[c]] += cells.frequency[c] }
                    fit = try LogisticRegression.fit(design: design, successes: successes, trials: trials)
                } else {
                    let u = MetricValue.undefined(reason: "\(observations) rows for \(design.columns) coefficients")
                    fit = LogisticRegressionFit(coefficients: Array(repeating: u, count: design.columns),
                                                standardErrors: Array(repeating: u, count: design.columns),
                                                logLikelihood: u, auc: u, iterations: 0, converged: false, separation: false)
                }
                models.append(ProxyLevelModel(level: Int32(level), positives: counts[level],
                                              negatives: observations - counts[level], terms: terms, fit: fit))
            }
        }
        return ProxyReport(attribute: attribute, ranked: ranked, models: models, modelObservations: observations)
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
