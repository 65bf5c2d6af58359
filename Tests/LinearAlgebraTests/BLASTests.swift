import TestSupport
import Testing
import LinearAlgebra

@Suite("BLAS wrappers")
struct BLASTests {
    // A = [1 2 3; 4 5 6] (2×3), B = [7 8; 9 10; 11 12] (3×2).
    let a = try! Matrix(rows: [[1, 2, 3], [4, 5, 6]])
    let b = try! Matrix(rows: [[7, 8], [9, 10], [11, 12]])

    @Test("gemm: A·B by hand")
    func gemmPlain() throws {
        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
        let c = try BLAS.gemm(a, b)
        #expect(c == (try Matrix(rows: [[58, 64], [139, 154]])))
    }

    @Test("gemm: transposes")
    func gemmTransposes() throws {
        // Aᵀ·Bᵀ = (B·A)ᵀ; B·A = [39 54 69; 49 68 87; 59 82 105].
        let c = try BLAS.gemm(a, b, transposeA: true, transposeB: true)
        #expect(c == (try Matrix(rows: [[39, 49, 59], [54, 68, 82], [69, 87, 105]])))
        // Aᵀ·A = [17 22 27; 22 29 36; 27 36 45].
        let gram = try BLAS.gemm(a, a, transposeA: true)
        #expect(gram == (try Matrix(rows: [[17, 22, 27], [22, 29, 36], [27, 36, 45]])))
        // A·Aᵀ = [14 32; 32 77].
        let outer = try BLAS.gemm(a, a, transposeB: true)
        #expect(outer == (try Matrix(rows: [[14, 32], [32, 77]])))
    }

    @Test("gemm: alpha and beta with an accumulator")
    func gemmAlphaBeta() throws {
        let c0 = try Matrix(rows: [[1, 1], [1, -1]])
        // 2·[58 64; 139 154] + 3·[1 1; 1 -1]
        let c = try BLAS.gemm(a, b, alpha: 2, beta: 3, c: c0)
        #expect(c == (try Matrix(rows: [[119, 131], [281, 305]])))
        // beta == 0: C is not read, NaN in C does not propagate.
        let poisoned = Matrix(rows: 2, columns: 2, repeating: .nan)
        #expect(try BLAS.gemm(a, b, alpha: 0.5, beta: 0, c: poisoned)
                == (try Matrix(rows: [[29, 32], [69.5, 77]])))
    }

    @Test("gemm: dimension mismatches throw instead of crashing")
    func gemmMismatch() throws {
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemm(a, a) }
        #expect(throws: LinearAlgebraError.self) {
            try BLAS.gemm(a, b, c: Matrix(rows: 3, columns: 3, repeating: 0))
        }
        do {
            _ = try BLAS.gemm(b, b)
            Issue.record("expected a throw")
        } catch let LinearAlgebraError.dimensionMismatch(operation, _) {
            #expect(operation == "BLAS.gemm")
        }
    }

    @Test("gemm: empty inner dimension gives zeros / beta·C")
    func gemmEmptyInner() throws {
        let left = Matrix(rows: 2, columns: 0, repeating: 0)
        let right = Matrix(rows: 0, columns: 3, repeating: 0)
        #expect(try BLAS.gemm(left, right) == Matrix(rows: 2, columns: 3, repeating: 0))
        let c0 = Matrix(rows: 2, columns: 3, repeating: 2)
        #expect(try BLAS.gemm(left, right, beta: 0.5, c: c0) == Matrix(rows: 2, columns: 3, repeating: 1))
    }

    @Test("dimensions above Int32.max throw tooLarge")
    func tooLarge() throws {
        // Zero-element matrices with a huge dimension: no memory is needed.
        let wide = Matrix(rows: 0, columns: 3_000_000_000, repeating: 0)
        let tall = Matrix(rows: 3_000_000_000, columns: 0, repeating: 0)
        #expect(throws: LinearAlgebraError.tooLarge(dimension: 3_000_000_000)) {
            try BLAS.gemm(wide, tall)
        }
    }

    @Test("gemv: N and T by hand")
    func gemv() throws {
        #expect(try BLAS.gemv(a, [1, 0, -1]) == [-2, -2])
        #expect(try BLAS.gemv(a, [1, 2], transpose: true) == [9, 12, 15])
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemv(a, [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try BLAS.gemv(a, [1, 2, 3], transpose: true) }
    }

    @Test("syrk equals gemm(Aᵀ, A) and is exactly symmetric")
    func syrkMatchesGemm() throws {
        var generator = SplitMix64(seed: 7)
        let x = randomMatrix(rows: 50, columns: 6, using: &generator)
        let viaSyrk = try BLAS.syrk(x)
        let viaGemm = try BLAS.gemm(x, x, transposeA: true)
        #expect(isClose(viaSyrk, viaGemm))
        #expect(viaSyrk == viaSyrk.transposed())
        #expect(try BLAS.syrk(a) == (try Matrix(rows: [[17, 22, 27], [22, 29, 36], [27, 36, 45]])))
    }

    @Test("dot and axpy")
    func levelOne() throws {
        #expect(try BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
        #expect(try BLAS.dot([], []) == 0)
        #expect(try BLAS.axpy(2, [1, 2, 3], [10, 20, 30]) == [12, 24, 36])
        #expect(throws: LinearAlgebraError.self) { try BLAS.dot([1], [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try BLAS.axpy(1, [1], []) }
    }

    @Test("37×37 random gemm matches a Swift triple loop")
    func randomGemm() throws {
        var generator = SplitMix64(seed: 2024)
        let x = randomMatrix(rows: 37, columns: 37, using: &generator)
        let y = randomMatrix(rows: 37, columns: 37, using: &generator)
        let blas = try BLAS.gemm(x, y)
        let loop = naiveProduct(x, y)
        // Entries are sums of 37 products of values in [-1, 1]: |error| ≲ 37·ε.
        let maxDiff = zip(blas.storage, loop.storage).map { abs($0 - $1) }.max() ?? 0
        #expect(maxDiff <= 1e-13)
        // Transposed variants against materialised transposes.
        let blasT = try BLAS.gemm(x, y, transposeA: true, transposeB: true)
        #expect(isClose(blasT, naiveProduct(x.transposed(), y.transposed()), tolerance: 1e-13))
    }
}
