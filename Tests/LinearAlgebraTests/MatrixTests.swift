import Testing
import LinearAlgebra

@Suite("Matrix storage")
struct MatrixTests {
    @Test("init(rows:) stores column-major")
    func rowLiteralIsColumnMajor() throws {
        let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.column(1) == [2, 5])
    }

    @Test("init(rows:columns:columnMajor:) round-trips and checks its size")
    func columnMajorInit() throws {
        let m = try Matrix(rows: 2, columns: 2, columnMajor: [1, 3, 2, 4])
        #expect(m == (try Matrix(rows: [[1, 2], [3, 4]])))
        #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: 2, columns: 3, columnMajor: [1, 2, 3])
        }
    }

    @Test("ragged row lists throw")
    func raggedThrows() {
        #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: [[1, 2], [3]])
        }
    }

    @Test("subscript set, transpose, identity")
    func basics() throws {
        var m = Matrix(rows: 2, columns: 3, repeating: 0)
        m[0, 2] = 7
        m[1, 0] = -1
        let t = m.transposed()
        #expect(t.rows == 3 && t.columns == 2)
        #expect(t[2, 0] == 7 && t[0, 1] == -1)
        #expect(t.transposed() == m)
        #expect(Matrix.identity(3) == (try Matrix(rows: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])))
        #expect(try Matrix(rows: []).rows == 0)
    }

    @Test("errors have readable descriptions")
    func errorDescription() {
        let error = LinearAlgebraError.notPositiveDefinite(order: 2)
        #expect(error.description.contains("order 2"))
        #expect(LinearAlgebraError.tooLarge(dimension: 3_000_000_000).description.contains("3000000000"))
    }
}
