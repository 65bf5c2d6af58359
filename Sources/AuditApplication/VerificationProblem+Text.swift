import AuditReport

extension VerificationProblem {
    /// The line in `language`, from the catalogues; in English exactly ``description``.
    package func text(_ language: ReportLanguage) -> String {
        let t = ReportText(language)
        let role = { (r: String) in ["data", "tariff", "drought", "model"].contains(r) && language != .en ? t(named: "provenance.role." + r) : r }
        let what = { (w: String) in t(named: "verify.what." + w) }
        let line: String
        switch self {
        case .inputChanged(let r, let path, let sha256, let bytes, let recordedSHA256, let recordedBytes):
            line = t(.verifyInputChanged, ["role": role(r), "path": path, "sha256": sha256, "bytes": String(bytes),
                                           "recorded_sha256": recordedSHA256, "recorded_bytes": String(recordedBytes)])
        case .inputMissing(let r, let name, let candidates):
            line = t(.verifyInputMissing, ["role": role(r), "name": name, "candidates": candidates.map { "'\($0)'" }.joined(separator: ", ")])
        case .outputMissing(let name, let folder): line = t(.verifyOutputMissing, ["name": name, "folder": folder])
        case .outputNotRegular(let name): line = t(.verifyOutputNotRegular, ["name": name])
        case .outputNoLongerWritten(let name): line = t(.verifyOutputNoLongerWritten, ["name": name])
        case .outputDiffers(let name, let n?, let expected, let found):
            let shown = { (s: String?) in s.map { "«\($0)»" } ?? t(.verifyEndOfFile) }
            line = t(.verifyOutputDiffers, ["name": name, "line": String(n), "expected": shown(expected), "found": shown(found)])
        case .outputDiffers(let name, nil, _, _): line = t(.verifyOutputOtherBytes, ["name": name])
        case .outputHashMismatch(let name, let sha256): line = t(.verifyOutputHash, ["name": name, "sha256": sha256])
        case .notRecorded(let name): line = t(.verifyNotRecorded, ["name": name])
        case .otherVersion(let w, let made, let current): line = t(.verifyOtherVersion, ["what": what(w), "made": made, "current": current])
        case .otherCommit(let w, let made, let current): line = t(.verifyOtherCommit, ["what": what(w), "made": made, "current": current])
        }
        return language == .en ? description : line
    }
}
