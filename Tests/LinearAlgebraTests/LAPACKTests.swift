import TestSupport
import Testing
import LinearAlgebra

@Suite("LAPACK wrappers")
struct LAPACKTests {
    @Test("dgels recovers y = 2 + 3x")
    func straightLine() throws {
        let xs: [Double] = [0, 1, 2, 3, 4, 5.5, -1.25]
        let design = try Matrix(rows: xs.map { [1, $0] })
        let y = xs.map { 2 + 3 * $0 }
        let beta = try LAPACK.leastSquares(design, y)
        #expect(isClose(beta, [2, 3]))
    }

    @Test("dgels on a single column of ones gives the mean")
    func mean() throws {
        let y: [Double] = [1, 2, 2.5, 3.5]
        let ones = Matrix(rows: 4, columns: 1, repeating: 1)
        let beta = try LAPACK.leastSquares(ones, y)
        #expect(isClose(beta, [2.25]))
    }

    @Test("dgels with several right-hand sides")
    func multipleRightHandSides() throws {
        let xs: [Double] = [0, 1, 2, 3]
        let design = try Matrix(rows: xs.map { [1, $0] })
        let rhs = try Matrix(rows: xs.map { [2 + 3 * $0, -1 + 0.5 * $0] })
        let beta = try LAPACK.leastSquares(design, rhs)
        #expect(beta.rows == 2 && beta.columns == 2)
        #expect(isClose(beta, try Matrix(rows: [[2, -1], [3, 0.5]])))
    }

    @Test("dgels: exactly zero column throws rankDeficient at that column")
    func exactRankDeficiency() throws {
        let design = try Matrix(rows: [[1, 0, 1], [1, 0, 2], [1, 0, 3], [1, 0, 5]])
        #expect(throws: LinearAlgebraError.rankDeficient(column: 1)) {
            try LAPACK.leastSquares(design, [1, 2, 3, 4])
        }
    }

    @Test("dgels: collinear dummies (intercept = d1 + d2) throw rankDeficient")
    func collinearRankDeficiency() throws {
        let groups = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0]
        let design = try Matrix(rows: groups.enumerated().map { index, g in
            [1, g == 0 ? 1 : 0, g == 1 ? 1 : 0, Double(index) * 0.1]
        })
        let y = (0..<groups.count).map { Double($0) + 0.3 }
        do {
            _ = try LAPACK.leastSquares(design, y)
            Issue.record("expected rankDeficient")
        } catch LinearAlgebraError.rankDeficient {
            // expected; the column reported depends on the pivot order
        }
    }

    @Test("dgels: shape errors throw")
    func leastSquaresShapes() throws {
        let wide = Matrix(rows: 2, columns: 3, repeating: 1)
        #expect(throws: LinearAlgebraError.self) { try LAPACK.leastSquares(wide, [1, 2]) }
        let tall = Matrix(rows: 3, columns: 2, repeating: 1)
        #expect(throws: LinearAlgebraError.self) { try LAPACK.leastSquares(tall, [1, 2]) }
        #expect(throws: LinearAlgebraError.emptyMatrix(operation: "LAPACK.leastSquares")) {
            try LAPACK.leastSquares(Matrix(rows: 0, columns: 0, repeating: 0), [])
        }
    }

    @Test("dgels: non-finite input throws a LAPACKE-style argument error")
    func nonFinite() throws {
        let design = try Matrix(rows: [[1, 0], [1, .nan], [1, 2]])
        do {
            _ = try LAPACK.leastSquares(design, [1, 2, 3])
            Issue.record("expected a throw")
        } catch let LinearAlgebraError.lapack(routine, info, _) {
            #expect(routine == "LAPACKE_dgels")
            #expect(info == -6)
        }
        let ok = try Matrix(rows: [[1, 0], [1, 1], [1, 2]])
        #expect(throws: LinearAlgebraError.self) { try LAPACK.leastSquares(ok, [1, .infinity, 3]) }
    }

    // A = [4 2 2; 2 5 3; 2 3 6] (SPD: leading minors 4, 16, 64).
    // For x = [1, -1, 2]: b = A·x = [6, 3, 11].
    let spd = try! Matrix(rows: [[4, 2, 2], [2, 5, 3], [2, 3, 6]])

    @Test("dposv solves a 3×3 SPD system")
    func choleskySolve() throws {
        let x = try LAPACK.choleskySolve(spd, [6, 3, 11])
        #expect(isClose(x, [1, -1, 2]))
        let rhs = try Matrix(rows: [[6, 4], [3, 2], [11, 2]])  // second column: x = e1
        let xs = try LAPACK.choleskySolve(spd, rhs)
        #expect(isClose(xs, try Matrix(rows: [[1, 1], [-1, 0], [2, 0]])))
    }

    @Test("dposv rejects an indefinite matrix with notPositiveDefinite")
    func indefinite() throws {
        // [1 2; 2 1] has eigenvalues 3 and -1; the order-2 minor is -3.
        let indefinite = try Matrix(rows: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
            try LAPACK.choleskySolve(indefinite, [1, 1])
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
            try LAPACK.choleskyInverse(indefinite)
        }
    }

    @Test("Cholesky shape errors throw")
    func choleskyShapes() throws {
        #expect(throws: LinearAlgebraError.self) {
            try LAPACK.choleskySolve(Matrix(rows: 2, columns: 3, repeating: 1), [1, 2])
        }
        #expect(throws: LinearAlgebraError.self) { try LAPACK.choleskySolve(spd, [1, 2]) }
        #expect(throws: LinearAlgebraError.self) {
            try LAPACK.choleskyInverse(Matrix(rows: 3, columns: 2, repeating: 1))
        }
    }

    @Test("choleskyInverse · A ≈ I, result symmetric")
    func choleskyInverse() throws {
        let inverse = try LAPACK.choleskyInverse(spd)
        #expect(inverse == inverse.transposed())
        #expect(isClose(try BLAS.gemm(inverse, spd), .identity(3), tolerance: 1e-13))
        // det A = 4·21 − 2·6 + 2·(−4) = 64; (A⁻¹)₁₁ = (5·6 − 3·3)/64 = 21/64.
        #expect(isClose(inverse[0, 0], 21.0 / 64.0))

        // A larger, random Gram matrix (XᵀX of a 40×8 X).
        var generator = SplitMix64(seed: 99)
        let gram = try BLAS.syrk(randomMatrix(rows: 40, columns: 8, using: &generator))
        let gramInverse = try LAPACK.choleskyInverse(gram)
        #expect(isClose(try BLAS.gemm(gramInverse, gram), .identity(8), tolerance: 1e-10))
    }

    @Test("normal equations via syrk + dposv agree with dgels")
    func normalEquationsAgree() throws {
        var generator = SplitMix64(seed: 5)
        let x = randomMatrix(rows: 60, columns: 4, using: &generator)
        let y = (0..<60).map { _ in Double.random(in: -1...1, using: &generator) }
        let viaQR = try LAPACK.leastSquares(x, y)
        let viaNormal = try LAPACK.choleskySolve(try BLAS.syrk(x), try BLAS.gemv(x, y, transpose: true))
        #expect(isClose(viaQR, viaNormal, tolerance: 1e-10))
    }
}
