import AuditData
import LinearAlgebra

extension GridDesign {
    /// Scores under the grid's own weights, in points:
    /// `score = max(minimumScore, X·w_lin + Σ_G max_{c∈G} Σ_{f∈c} X[·,f]·w_f)`,
    /// where `w_lin` is `w` with the features of exclusive-group criteria set to
    /// 0 (BLAS), and each group adds, per row, the points of its highest-scoring member.
    ///
    /// Exact: computed on integers (``exactScores()``, ``GridScoreScale``), each score is the
    /// `Double` nearest to its exact decimal value, so mathematically equal scores are equal
    /// and the order is the exact one (ties go to the declared tie-break, never to rounding).
    /// - Throws: the errors of ``GridScoreScale/init(design:weights:)`` (points and data with
    ///   too many decimals together).
    public func scores() throws -> [Double] {
        try exactScores().points.storage
    }

    /// Scores under several grids at once, in points: `W` is `features.count × g` (one grid per
    /// column, e.g. from ``weightMatrix(of:)``); the result is `rows × g`. As ``scores()``,
    /// exactly (``exactScores(weights:)``).
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `W.rows` is not the number of
    ///   features; the errors of ``GridScoreScale/init(design:weights:)``.
    public func scores(weights w: Matrix) throws -> Matrix {
        try exactScores(weights: w).points
    }

    /// ``exactScores(weights:)`` under the grid's own weights.
    public func exactScores() throws -> GridScores {
        try exactScores(weights: Matrix(rows: weights.count, columns: 1, columnMajor: weights))
    }

    /// The exact scores, as whole numbers of 10^−D points: `X'·W'_lin` (one BLAS `dgemm`, exact
    /// on integers below 2⁵²), then each exclusive group's best member and the floor, per
    /// column, on the same integers (``GridScoreScale``). Computed on the distinct rows of `X`
    /// (``featurePatterns``) and given to each applicant from its pattern: a row's score depends
    /// on that row alone, so the integers are the same as on the rows.
    public func exactScores(weights w: Matrix) throws -> GridScores {
        let p = featureDefinitions.count
        let scale = try GridScoreScale(design: self, weights: w)
        let x = scale.scalesDesign ? scaledFeatures(of: featurePatterns) : featurePatterns
        let units = x.rows
        var linear = scale.weights
        for g in 0..<w.columns { for f in groupedFeatures { linear[f + g * p] = 0 } }
        var storage = try BLAS.gemm(x, Matrix(rows: p, columns: w.columns, columnMajor: linear)).storage
        var scratch = GroupScratch()
        storage.withUnsafeMutableBufferPointer { out in
            for g in 0..<w.columns {
                let column = UnsafeMutableBufferPointer(rebasing: out[(g * units)..<((g + 1) * units)])
                complete(column: column, weights: Array(scale.weights[(g * p)..<((g + 1) * p)]), floor: scale.floor, features: x, scratch: &scratch)
            }
        }
        let scaled = try Matrix(rows: units, columns: w.columns, columnMajor: storage)
        return GridScores(scaled: patternOfRow.map { Self.expand(scaled, rows: $0) } ?? scaled, decimals: scale.decimals)
    }

    /// Columns `columns` of ``exactScores(weights:)`` written into `out` (`x.rows × columns.count`,
    /// column-major), for a caller that streams the score columns in batches instead of holding
    /// all of them (``GridSensitivity``): `x` is `scaledFeatures()` when `scale.scalesDesign`,
    /// else ``features`` — or the distinct rows of that matrix (``scaledFeatures(of:)`` of
    /// ``features``' patterns), each row's score then being its pattern's; `scale` is the scale of
    /// the whole weight matrix. One `dgemm` of `X'` by the batch's columns of `W'_lin`, then the
    /// exclusive groups and the floor per column — the same integers as
    /// ``exactScores(weights:)``, whatever the batch or the rows (integer arithmetic below 2⁵²,
    /// exact in any summation order, and each row's score depends on that row alone).
    func exactScores(scale: GridScoreScale, features x: Matrix, columns: Range<Int>, into out: UnsafeMutableBufferPointer<Double>,
                     scratch: inout GroupScratch) throws {
        let p = featureDefinitions.count, n = x.rows
        var linear = Array(scale.weights[(columns.lowerBound * p)..<(columns.upperBound * p)])
        for g in 0..<columns.count { for f in groupedFeatures { linear[f + g * p] = 0 } }
        try linear.withUnsafeBufferPointer { b in
            try BLAS.gemm(x, columnMajor: b, columns: columns.count, into: out)
        }
        for (j, g) in columns.enumerated() {
            let column = UnsafeMutableBufferPointer(rebasing: out[(j * n)..<((j + 1) * n)])
            complete(column: column, weights: Array(scale.weights[(g * p)..<((g + 1) * p)]), floor: scale.floor, features: x, scratch: &scratch)
        }
    }

    /// Buffers of the exclusive groups' maxima (``exactScores(scale:features:columns:into:scratch:)``),
    /// reused from column to column.
    struct GroupScratch {
        var best: [Double] = []
        var member: [Double] = []
    }

    /// One column of `X'·W'_lin` completed into exact scores: each exclusive group's best
    /// member added, then the floor.
    private func complete(column: UnsafeMutableBufferPointer<Double>, weights: [Double], floor: Double?, features x: Matrix, scratch: inout GroupScratch) {
        addGroups(weights: weights, features: x, into: column, scratch: &scratch)
        if let floor {
            for i in column.indices where column[i] < floor { column[i] = floor }
        }
    }

    /// `X'`: `X` with every column multiplied by its ``GridColumnScale/multiplier`` (whole numbers).
    func scaledFeatures() -> Matrix {
        let scaled = scaledFeatures(of: featurePatterns)
        return patternOfRow.map { Self.expand(scaled, rows: $0) } ?? scaled
    }

    /// `x` (rows of `X`, e.g. its distinct rows) with every column multiplied by its
    /// ``GridColumnScale/multiplier``, as ``scaledFeatures()`` does to `X` itself.
    func scaledFeatures(of x: Matrix) -> Matrix {
        let n = x.rows
        var storage = x.storage
        for (f, column) in columnScales.enumerated() where column.multiplier != 1 {
            for i in (f * n)..<((f + 1) * n) { storage[i] = column.scaled(storage[i]) }
        }
        // Same shape as `x`.
        return (try? Matrix(rows: n, columns: x.columns, columnMajor: storage)) ?? x
    }

    /// The points each criterion actually gave each applicant under the grid's
    /// weights: `rows × criteria`, `C = X·B` (BLAS `dgemm`) with
    /// `B[f, c] = w_f` when feature `f` belongs to criterion `c`; then, in each
    /// exclusive group, every member but the highest-scoring one (the first
    /// declared on a tie) is set to 0. The score is `max(minimumScore, Σ_c C[i, c])`.
    /// Exact as ``scores()``: computed on the integers `X'·B'`, each entry the `Double`
    /// nearest to the criterion's exact points.
    public func contributions() throws -> Matrix {
        try contributions(weights: weights)
    }

    /// ``contributions()`` under other weights (`features.count` values).
    public func contributions(weights w: [Double]) throws -> Matrix {
        let points = try patternContributions(weights: w)
        return patternOfRow.map { Self.expand(points, rows: $0) } ?? points
    }

    /// ``contributions()`` per distinct row of `X` (``featurePatterns``), `P × criteria`:
    /// applicant `i`'s points are row ``patternOfRow```[i]` (row `i` when the design is not
    /// compressed). For a caller that can work on the patterns (``ModelAudit``) without
    /// an applicants × criteria matrix.
    public func patternContributions() throws -> Matrix {
        try patternContributions(weights: weights)
    }

    /// ``patternContributions()`` under other weights (`features.count` values).
    public func patternContributions(weights w: [Double]) throws -> Matrix {
        let p = featureDefinitions.count, criteria = grid.criteria.count
        guard w.count == p else {
            throw LinearAlgebraError.dimensionMismatch(operation: "GridDesign.contributions(weights:)", detail: "\(w.count) weights for \(p) features")
        }
        let scale = try GridScoreScale(design: self, weights: Matrix(rows: p, columns: 1, columnMajor: w))
        var b = [Double](repeating: 0, count: p * criteria)
        for f in 0..<p { b[f + featureCriterion[f] * p] = scale.weights[f] }
        // On the distinct rows of X (a row's points depend on that row alone), then given to
        // each applicant from its pattern.
        let x = scale.scalesDesign ? scaledFeatures(of: featurePatterns) : featurePatterns
        let units = x.rows
        var storage = try BLAS.gemm(x, Matrix(rows: p, columns: criteria, columnMajor: b)).storage
        for group in grid.exclusiveGroups {
            for i in 0..<units {
                var best = group.members[0]
                for c in group.members.dropFirst() where storage[i + c * units] > storage[i + best * units] { best = c }
                for c in group.members where c != best { storage[i + c * units] = 0 }
            }
        }
        // In place: no second copy for the points.
        let unit = scale.unit
        if unit != 1 { storage.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] /= unit } } }
        return try Matrix(rows: units, columns: criteria, columnMajor: storage)
    }

    /// The decimals of the grid's own scores (its points and its per-unit data together):
    /// how many decimals to show a score with so that it is shown exactly.
    public func scoreDecimals() throws -> Int {
        try GridScoreScale(design: self, weights: Matrix(rows: weights.count, columns: 1, columnMajor: weights)).decimals
    }

    /// Features of criteria that belong to an exclusive group.
    var groupedFeatures: [Int] {
        let groupOf = grid.groupOfCriterion
        return featureCriterion.indices.filter { groupOf[featureCriterion[$0]] != nil }
    }

    /// Adds, per row of `features` (`X'` or its distinct rows), `max_{c∈G} Σ_{f∈c} X[i,f]·w_f`
    /// for each exclusive group `G`.
    private func addGroups(weights w: [Double], features: Matrix, into out: UnsafeMutableBufferPointer<Double>, scratch: inout GroupScratch) {
        let n = features.rows
        guard !grid.exclusiveGroups.isEmpty else { return }
        var featuresOf = [[Int]](repeating: [], count: grid.criteria.count)
        for (f, c) in featureCriterion.enumerated() { featuresOf[c].append(f) }
        // Moved out of the scratch (no copy) and back when done.
        var best = scratch.best, member = scratch.member
        scratch = GroupScratch()
        defer { scratch = GroupScratch(best: best, member: member) }
        if best.count != n {
            best = [Double](repeating: 0, count: n)
            member = [Double](repeating: 0, count: n)
        }
        features.storage.withUnsafeBufferPointer { x in
            for group in grid.exclusiveGroups {
                for (m, c) in group.members.enumerated() {
                    for i in 0..<n { member[i] = 0 }
                    for f in featuresOf[c] where w[f] != 0 {
                        let weight = w[f], base = f * n
                        for i in 0..<n { member[i] += x[base + i] * weight }
                    }
                    if m == 0 {
                        swap(&best, &member)
                    } else {
                        for i in 0..<n where member[i] > best[i] { best[i] = member[i] }
                    }
                }
                for i in 0..<n { out[i] += best[i] }
            }
        }
    }
}
