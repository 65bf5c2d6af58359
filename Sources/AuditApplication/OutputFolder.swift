import Foundation

/// What is at an output path before Vigie writes there, and whether it may be replaced.
///
/// A Vigie output folder is one whose `manifest.json` (a regular file, at most 16 MiB,
/// `manifest_version` and `outputs` readable) lists every other entry of the folder among
/// its outputs. Such a folder, an empty folder or nothing at all may be replaced; anything
/// else — a folder with other files, a file, a symbolic link — only with `--force`.
///
/// The register records `vigie register` writes into an audit folder (``derivedFileNames``)
/// are Vigie's too: they derive from that audit, so a new audit replaces them with the rest.
package enum OutputFolder {
    /// Files another Vigie command adds to an output folder without being in its manifest:
    /// the register records of `vigie register` (`RegisterFormat.fileNames`; a test checks
    /// that every one of them is here).
    package static let derivedFileNames: Set<String> = [
        "register-etalab.csv", "register-atrs.json", "register-atrs.md", "register-nl.json", "register-nl-sources.json",
    ]

    enum State: Equatable {
        /// Nothing there, an empty folder, or a Vigie output folder: replace it.
        case replaceable
        /// Why it is refused without `--force`.
        case foreign(String)
    }

    static let manifestLimit = 16 << 20

    /// The state of `path`, never following a link.
    static func state(of path: String) -> State {
        switch POSIXFiles.kind(of: path) {
        case .absent: return .replaceable
        case .symbolicLink: return .foreign("'\(path)' is a symbolic link; Vigie writes a folder, never through a link")
        case .other: return .foreign("'\(path)' exists and is not a folder")
        case .folder: break
        }
        guard let entries = POSIXFiles.entries(path) else { return .foreign("'\(path)' cannot be listed") }
        if entries.isEmpty { return .replaceable }
        let manifestPath = path + "/" + Manifest.fileName
        guard let size = POSIXFiles.regularFileSize(manifestPath), size <= manifestLimit,
              let data = FileManager.default.contents(atPath: manifestPath),
              let listed = try? JSONDecoder().decode(Listing.self, from: data)
        else {
            return .foreign("'\(path)' is not empty and is not a Vigie output folder (no readable \(Manifest.fileName))")
        }
        let known = Set(listed.outputs.map(\.name)).union([Manifest.fileName]).union(derivedFileNames)
        let strangers = entries.filter { !known.contains($0) }.sorted()
        guard strangers.isEmpty else {
            let shown = strangers.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (strangers.count > 3 ? ", …" : "")
            return .foreign("'\(path)' holds \(strangers.count == 1 ? "an entry" : "entries") its \(Manifest.fileName) does not list (\(shown))")
        }
        return .replaceable
    }

    /// The part of any Vigie manifest that says what the folder holds.
    private struct Listing: Decodable {
        struct Entry: Decodable { let name: String }
        let manifestVersion: Int
        let outputs: [Entry]
        enum CodingKeys: String, CodingKey {
            case manifestVersion = "manifest_version"
            case outputs
        }
    }
}
