import AuditData
import LinearAlgebra

extension GridDesign {
    /// Scores under the grid's own weights:
    /// `score = max(minimumScore, X·w_lin + Σ_G max_{c∈G} Σ_{f∈c} X[·,f]·w_f)`,
    /// where `w_lin` is `w` with the features of exclusive-group criteria set to
    /// 0 (BLAS `dgemv`), and each group adds, per row, the points of its
    /// highest-scoring member.
    public func scores() throws -> [Double] {
        var linear = weights
        for f in groupedFeatures { linear[f] = 0 }
        var result = try BLAS.gemv(features, linear)
        result.withUnsafeMutableBufferPointer { out in
            addGroups(weights: weights, into: out)
            applyFloor(out)
        }
        return result
    }

    /// Scores under several grids at once: `W` is `features.count × g` (one
    /// grid per column, e.g. from ``weightMatrix(of:)``); the result is `rows × g`.
    /// The linear part is one BLAS `dgemm` `X·W_lin`; exclusive groups and the
    /// floor are then applied per column exactly as in ``scores()``.
    ///
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `W.rows` is not the number of features.
    public func scores(weights w: Matrix) throws -> Matrix {
        let p = featureDefinitions.count, n = rows
        guard w.rows == p else {
            throw LinearAlgebraError.dimensionMismatch(operation: "GridDesign.scores(weights:)", detail: "W has \(w.rows) rows, the design has \(p) features")
        }
        var linear = w.storage
        for g in 0..<w.columns { for f in groupedFeatures { linear[f + g * p] = 0 } }
        var storage = try BLAS.gemm(features, Matrix(rows: p, columns: w.columns, columnMajor: linear)).storage
        storage.withUnsafeMutableBufferPointer { out in
            for g in 0..<w.columns {
                let column = UnsafeMutableBufferPointer(rebasing: out[(g * n)..<((g + 1) * n)])
                addGroups(weights: Array(w.storage[(g * p)..<((g + 1) * p)]), into: column)
                applyFloor(column)
            }
        }
        return try Matrix(rows: n, columns: w.columns, columnMajor: storage)
    }

    /// The points each criterion actually gave each applicant under the grid's
    /// weights: `rows × criteria`, `C = X·B` (BLAS `dgemm`) with
    /// `B[f, c] = w_f` when feature `f` belongs to criterion `c`; then, in each
    /// exclusive group, every member but the highest-scoring one (the first
    /// declared on a tie) is set to 0. The score is `max(minimumScore, Σ_c C[i, c])`.
    public func contributions() throws -> Matrix {
        try contributions(weights: weights)
    }

    /// ``contributions()`` under other weights (`features.count` values).
    public func contributions(weights w: [Double]) throws -> Matrix {
        let p = featureDefinitions.count, n = rows, criteria = grid.criteria.count
        guard w.count == p else {
            throw LinearAlgebraError.dimensionMismatch(operation: "GridDesign.contributions(weights:)", detail: "\(w.count) weights for \(p) features")
        }
        var b = [Double](repeating: 0, count: p * criteria)
        for f in 0..<p { b[f + featureCriterion[f] * p] = w[f] }
        var storage = try BLAS.gemm(features, Matrix(rows: p, columns: criteria, columnMajor: b)).storage
        for group in grid.exclusiveGroups {
            for i in 0..<n {
                var best = group.members[0]
                for c in group.members.dropFirst() where storage[i + c * n] > storage[i + best * n] { best = c }
                for c in group.members where c != best { storage[i + c * n] = 0 }
            }
        }
        return try Matrix(rows: n, columns: criteria, columnMajor: storage)
    }

    /// Features of criteria that belong to an exclusive group.
    var groupedFeatures: [Int] {
        let groupOf = grid.groupOfCriterion
        return featureCriterion.indices.filter { groupOf[featureCriterion[$0]] != nil }
    }

    /// Adds, per row, `max_{c∈G} Σ_{f∈c} X[i,f]·w_f` for each exclusive group `G`.
    private func addGroups(weights w: [Double], into out: UnsafeMutableBufferPointer<Double>) {
        let n = rows
        guard !grid.exclusiveGroups.isEmpty else { return }
        var featuresOf = [[Int]](repeating: [], count: grid.criteria.count)
        for (f, c) in featureCriterion.enumerated() { featuresOf[c].append(f) }
        var best = [Double](repeating: 0, count: n)
        var member = [Double](repeating: 0, count: n)
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

    private func applyFloor(_ out: UnsafeMutableBufferPointer<Double>) {
        guard let floor = grid.minimumScore else { return }
        for i in out.indices where out[i] < floor { out[i] = floor }
    }
}
