#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLinearAlgebra

/// Best-effort identification of the BLAS/LAPACK libraries actually loaded at
/// run time, for report manifests (numerical results differ between providers
/// in the last bits, so an audit report should say which one produced them).
///
/// On Debian the binary links `libblas.so.3`/`liblapack.so.3`, which the
/// system alternatives point at either reference netlib or OpenBLAS, without
/// relinking. Detection is therefore done at run time with `dladdr`/`dlsym`
/// (from the C library, no extra link dependency):
///
/// 1. `dladdr` on the address of `cblas_ddot` gives the file that provides
///    BLAS; `realpath` resolves the alternatives symlinks;
/// 2. `dlsym` looks for `openblas_get_config` / `openblas_get_num_threads`
///    (OpenBLAS) in that library, then in the global scope (`dlopen(nil)`);
/// 3. `dladdr` on `dgels_`, looked up through `liblapacke`'s handle, gives the
///    LAPACK file.
///
/// If no OpenBLAS entry point is found, the provider is reported as
/// `"reference BLAS (netlib)"`, followed by the library path, which shows if
/// that guess is wrong (e.g. BLIS or MKL installed as an alternative).
public enum BLASProvider {

    /// One line describing the linked BLAS and LAPACK, for example
    /// `OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64; threads=2; BLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3; LAPACK=/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3`
    /// or `reference BLAS (netlib); BLAS=/usr/lib/x86_64-linux-gnu/blas/libblas.so.3; LAPACK=…`.
    ///
    /// Computed on each access (cheap); the OpenBLAS thread count can change at run time.
    public static var description: String {
        var parts: [String] = []
        if let config = openBLASConfig {
            parts.append(config.hasPrefix("OpenBLAS") ? config : "OpenBLAS " + config)
            if let threads = openBLASThreads { parts.append("threads=\(threads)") }
        } else {
            parts.append("reference BLAS (netlib)")
        }
        parts.append("BLAS=" + (blasLibraryPath ?? "unknown"))
        parts.append("LAPACK=" + (lapackLibraryPath ?? "unknown"))
        return parts.joined(separator: "; ")
    }

    /// The string returned by OpenBLAS's `openblas_get_config()` (version,
    /// build options and selected core, e.g. `OpenBLAS 0.3.21 … Haswell
    /// MAX_THREADS=64`), or `nil` when the linked BLAS is not OpenBLAS.
    public static var openBLASConfig: String? {
        typealias GetConfig = @convention(c) () -> UnsafePointer<CChar>?
        guard let symbol = lookUp("openblas_get_config") else { return nil }
        let function = unsafeBitCast(symbol, to: GetConfig.self)
        guard let cString = function() else { return nil }
        return String(cString: cString)
    }

    /// The number of threads OpenBLAS will use (`openblas_get_num_threads()`),
    /// or `nil` when the linked BLAS is not OpenBLAS. Controlled by
    /// `OPENBLAS_NUM_THREADS`; defaults to the number of cores.
    public static var openBLASThreads: Int? {
        typealias GetThreads = @convention(c) () -> Int32
        guard let symbol = lookUp("openblas_get_num_threads") else { return nil }
        return Int(unsafeBitCast(symbol, to: GetThreads.self)())
    }

    /// Sets the number of threads OpenBLAS uses (`openblas_set_num_threads`) and returns the
    /// previous number; `nil` (and nothing done) when the linked BLAS is not OpenBLAS.
    ///
    /// For a phase where the caller owns the cores (e.g. the amendment search runs one
    /// single-threaded `dgemm` per worker, `AmendmentEvaluator`): two thread pools on the same
    /// cores would take turns. A `dgemm`'s values do not depend on it (OpenBLAS splits it by
    /// rows and columns of the result, never along the inner dimension); other routines' last
    /// bits can: the model audit's fits run single-threaded whatever the machine (`ModelAudit`).
    @discardableResult
    public static func setOpenBLASThreads(_ count: Int) -> Int? {
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let previous = openBLASThreads, let symbol = lookUp("openblas_set_num_threads") else { return nil }
        unsafeBitCast(symbol, to: SetThreads.self)(Int32(clamping: max(1, count)))
        return previous
    }

    /// Resolved path of the shared library that provides `cblas_ddot`, or `nil`
    /// if it cannot be determined (e.g. static linking).
    public static var blasLibraryPath: String? {
        let ddot: @convention(c) (Int32, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32) -> Double = cblas_ddot
        return libraryPath(containing: unsafeBitCast(ddot, to: UnsafeRawPointer.self))
    }

    /// Resolved path of the shared library that provides the Fortran LAPACK
    /// routine `dgels_` (which `liblapacke` calls), or `nil` if unknown.
    public static var lapackLibraryPath: String? {
        // Look dgels_ up in liblapacke's dependency scope, which is where LAPACKE resolves it.
        let lapacke: @convention(c) (Int32, CChar, Int32, Int32, Int32, UnsafeMutablePointer<Double>?, Int32, UnsafeMutablePointer<Double>?, Int32) -> Int32 = LAPACKE_dgels
        if let lapackePath = libraryPath(containing: unsafeBitCast(lapacke, to: UnsafeRawPointer.self)),
           let handle = dlopen(lapackePath, RTLD_NOW | RTLD_NOLOAD) {
            defer { dlclose(handle) }
            if let symbol = dlsym(handle, "dgels_") {
                return libraryPath(containing: UnsafeRawPointer(symbol))
            }
        }
        return lookUp("dgels_").flatMap { libraryPath(containing: UnsafeRawPointer($0)) }
    }

    /// Finds `name` first in the library that provides BLAS (and its
    /// dependencies), then in the process's global scope.
    static func lookUp(_ name: String) -> UnsafeMutableRawPointer? {
        if let path = blasLibraryPath, let handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD) {
            defer { dlclose(handle) }
            if let symbol = dlsym(handle, name) { return symbol }
        }
        guard let global = dlopen(nil, RTLD_NOW) else { return nil }
        defer { dlclose(global) }
        return dlsym(global, name)
    }

    /// `dladdr` + `realpath`: the canonical file name of the loaded object that
    /// contains `address`.
    ///
    /// glibc declares `dladdr` and `Dl_info` only under `_GNU_SOURCE`, which the
    /// Swift `Glibc` module does not define, so the function is looked up with
    /// `dlsym` and `Dl_info` (four pointers: `dli_fname`, `dli_fbase`,
    /// `dli_sname`, `dli_saddr`) is mirrored by a homogeneous tuple of pointers,
    /// whose layout matches the C struct.
    static func libraryPath(containing address: UnsafeRawPointer) -> String? {
        typealias DlInfo = (UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeRawPointer?)
        typealias DlAddr = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Int32
        guard let global = dlopen(nil, RTLD_NOW) else { return nil }
        defer { dlclose(global) }
        guard let symbol = dlsym(global, "dladdr") else { return nil }
        let dladdrFunction = unsafeBitCast(symbol, to: DlAddr.self)
        var info: DlInfo = (nil, nil, nil, nil)
        let found = withUnsafeMutableBytes(of: &info) { dladdrFunction(address, $0.baseAddress) }
        guard found != 0, let name = info.0 else { return nil }
        if let resolved = realpath(name, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return String(cString: name)
    }
}
