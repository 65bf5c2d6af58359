import Testing
import LinearAlgebra

@Suite("BLAS provider")
struct BLASProviderTests {
    @Test("description names a provider and the library files")
    func description() {
        let text = BLASProvider.description
        #expect(text.hasPrefix("OpenBLAS") || text.hasPrefix("reference BLAS (netlib)"))
        #expect(text.contains("BLAS=/"))
        #expect(text.contains("LAPACK=/"))
        if BLASProvider.openBLASConfig != nil {
            #expect((BLASProvider.openBLASThreads ?? 0) >= 1)
        }
    }
}
