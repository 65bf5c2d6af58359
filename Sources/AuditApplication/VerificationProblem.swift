/// What `vigie verify` found, as a typed reason the command line writes in its language
/// (`AuditReport`'s catalogues, `--lang`); ``description`` is the English line.
public enum VerificationProblem: Sendable, Equatable, CustomStringConvertible {
    /// An input found at `path` but with another hash or size than recorded.
    case inputChanged(role: String, path: String, sha256: String, bytes: Int, recordedSHA256: String, recordedBytes: Int)
    /// An input found nowhere among `candidates`.
    case inputMissing(role: String, name: String, candidates: [String])
    /// A recorded output absent from the audit folder.
    case outputMissing(name: String, folder: String)
    /// A recorded output that is a link, a folder or a device.
    case outputNotRegular(name: String)
    /// A recorded output this Vigie no longer writes.
    case outputNoLongerWritten(name: String)
    /// An output that differs from the re-run; the first differing line (1-based) and its two
    /// versions (`nil`: the end of the file), or no line when only other bytes differ.
    case outputDiffers(name: String, line: Int?, expected: String?, found: String?)
    /// An output identical to the re-run but not to the recorded hash.
    case outputHashMismatch(name: String, recordedSHA256: String)
    /// A note: the re-run wrote a file the manifest does not record.
    case notRecorded(name: String)
    /// A note: the audit (or scan, amendment: `what`) was made by another version or commit.
    case otherVersion(what: String, made: String, current: String)
    case otherCommit(what: String, made: String, current: String)

    /// The English line.
    public var description: String {
        switch self {
        case .inputChanged(let role, let path, let sha256, let bytes, let recordedSHA256, let recordedBytes):
            "\(role) \(path): changed (sha256 \(sha256), \(bytes) bytes; recorded \(recordedSHA256), \(recordedBytes) bytes)"
        case .inputMissing(let role, let name, let candidates):
            "\(role) \(name): missing (looked for \(candidates.map { "'\($0)'" }.joined(separator: ", ")))"
        case .outputMissing(let name, let folder): "\(name): missing from \(folder)"
        case .outputNotRegular(let name): "\(name): not a regular file (a link, a folder or a device is not read)"
        case .outputNoLongerWritten(let name): "\(name): this Vigie no longer writes it"
        case .outputDiffers(let name, let line, let expected, let found):
            if let line {
                "\(name): differs from the re-run, first at line \(line): expected \(expected.map { "«\($0)»" } ?? "end of file"), found \(found.map { "«\($0)»" } ?? "end of file")"
            } else {
                "\(name): differs from the re-run, same lines, other bytes"
            }
        case .outputHashMismatch(let name, let recordedSHA256): "\(name): matches the re-run but not the recorded sha256 \(recordedSHA256)"
        case .notRecorded(let name): "\(name) is not recorded in the manifest and was not checked"
        case .otherVersion(let what, let made, let current):
            "the \(what) was made by Vigie \(made), this is \(current): identical outputs are only promised by the same version"
        case .otherCommit(let what, let made, let current):
            "the \(what) was made by a build of commit \(made), this binary was built from \(current)"
        }
    }
}
