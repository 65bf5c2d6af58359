import ArgumentParser

/// The help of `--out DIR` and `--force`, the same in every command that writes a folder
/// (`ReportWriter` in AuditApplication does what it says).
enum OutputFolderHelp {
    static func out(_ what: String) -> ArgumentHelp {
        ArgumentHelp(
            "Output folder for \(what). Written all at once: the files go into a new folder beside it, which then replaces it whole, so no file of an earlier run stays. An existing folder is replaced only if it is empty or a Vigie output folder (its manifest.json lists every file in it); anything else is refused unless --force.",
            valueName: "dir"
        )
    }

    static let force = ArgumentHelp("Replace the output folder whole even if it is not a Vigie output folder: everything in it is deleted.")
}
