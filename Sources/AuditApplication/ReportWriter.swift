import AuditData
import Foundation

/// Writes the files of a command into a folder all at once, or not at all.
///
/// 1. Every name must be a plain file name (``PlainFileName``).
/// 2. What is at the target is checked first (``OutputFolder``): nothing, an empty folder or
///    a Vigie output folder (its `manifest.json` lists every entry) is replaced; anything
///    else is refused unless `force`.
/// 3. The files, with their `manifest.json`, are written into a new staging folder created
///    beside the target with an unpredictable name (`mkdtemp`, mode 0700), each file created
///    exclusively without following links, then flushed to disk (`fsync`), and the folder too.
/// 4. The staging folder takes the target's place in one step (`renameat2(RENAME_EXCHANGE)`
///    on Linux; elsewhere the old folder is first moved aside), the parent folder is flushed,
///    and the old folder is removed.
///
/// On any failure before step 4 the target is exactly as it was and the staging folder is
/// removed, as are the parent folders this call created; no stale file of an earlier run can
/// survive, since the whole folder is replaced. Staging folders left by a process that was
/// killed are removed by the next write beside them.
///
/// Files outside the folder (`alongside`: `vigie audit --junit`, `--summary-md`) are written
/// in the same step: each into a new file beside its target (``AtomicFile/stage(for:_:)``), flushed,
/// before the swap, then renamed over its target right after it. A failure before the swap
/// changes nothing anywhere.
///
/// Every file passes through ``finalised(_:)`` first: no bidirectional control character
/// reaches an output as it is (``BidiControl``).
public enum ReportWriter {
    public typealias File = (name: String, data: Data)

    /// The prefix of staging folders: `.vigie-staging-<pid>-XXXXXX`.
    static let stagingPrefix = ".vigie-staging-"

    /// Writes `files` and the manifest `manifest(files)` returns into `directory`.
    /// - Parameters:
    ///   - force: replace whatever is at `directory`, even what is not a Vigie output folder.
    ///   - manifest: the content of `manifest.json`, from the files exactly as written.
    ///   - alongside: files outside the folder (path → content; their folders must exist),
    ///     written in the same step and not listed in the manifest.
    public static func write(_ files: [File], to directory: String, force: Bool = false,
                             alongside: [(path: String, data: Data)] = [], manifest: ([File]) throws -> Data) throws {
        let final = finalised(files)
        let outside = alongside.map { ($0.path, finalised([("", $0.data)])[0].data) }
        try write(final + finalised([(Manifest.fileName, try manifest(final))]), to: directory, force: force, alongside: outside)
    }

    /// Writes `files` into `directory` with a ``FolderManifest`` naming the command.
    public static func write(_ files: [File], to directory: String, force: Bool = false, writtenBy command: String) throws {
        try write(files, to: directory, force: force) { try FolderManifest(writtenBy: command, outputs: $0).encoded() }
    }

    /// The files as they are written: bidirectional controls escaped in JSON (`\u202e`) and
    /// shown as `[U+202E]` in every other (text) file.
    public static func finalised(_ files: [File]) -> [File] {
        files.map { file in
            (file.name, file.name.hasSuffix(".json") ? BidiControl.escapingInJSON(file.data) : BidiControl.visible(file.data))
        }
    }

    /// Step 2 alone, for a command to refuse a target before any work: throws unless
    /// `directory` can be an output folder and may be replaced.
    public static func checkTarget(_ directory: String, force: Bool) throws {
        _ = try split(directory)
        if !force, case .foreign(let why) = OutputFolder.state(of: directory) {
            // Text, not a named sentence: `why` (why the folder is not Vigie's) has variants, each a sentence of its own that the command line finds from the text.
            throw ReportWriterError(message: "\(why): choose another output folder, or give --force to replace it whole")
        }
    }

    /// Steps 1–4 for files already final, the manifest among them.
    /// - Parameter beforeSwap: called with the complete staging folder just before the swap
    ///   (tests use it to make the write fail at its last moment).
    static func write(_ files: [File], to directory: String, force: Bool, alongside: [(path: String, data: Data)] = [],
                      beforeSwap: (String) throws -> Void = { _ in }) throws {
        var names = Set<String>()
        for file in files {
            if let problem = PlainFileName.problem(file.name) { throw ReportWriterError(problem: .sentence(.writerOutputName, arguments: ["name": "\(problem)"])) }
            guard names.insert(file.name).inserted else { throw ReportWriterError(problem: .sentence(.writerTwoOutputs, arguments: ["name": "\(file.name)"])) }
        }
        try checkTarget(directory, force: force)
        let (parent, base) = try split(directory)
        let createdParents: [String]
        do { createdParents = try createMissingFolders(parent) } catch {
            throw ReportWriterError(problem: .sentence(.writerParent, arguments: ["path": "\(parent)", "reason": "\(error)"]))
        }
        removeAbandonedStaging(in: parent)
        var staging: String?
        var prepared: [(temporary: String, target: String)] = []
        do {
            for file in alongside { prepared.append(try AtomicFile.stage(for: file.path) { try $0.write(contentsOf: file.data) }) }
            let folder = try POSIXFiles.makeUniqueFolder(in: parent, prefix: "\(stagingPrefix)\(getpid())-")
            staging = folder
            let mask = POSIXFiles.creationMask()
            for file in files { try POSIXFiles.writeNewFile(folder + "/" + file.name, file.data, mode: 0o666 & ~mask) }
            guard chmod(folder, 0o777 & ~mask) == 0 else {
                throw POSIXFiles.Failure(description: "cannot set the permissions of '\(folder)': \(POSIXFiles.lastError())")
            }
            try POSIXFiles.syncFolder(folder)
            try beforeSwap(folder)
            try swap(folder, into: parent + "/" + base, parent: parent)
            staging = nil
        } catch {
            for file in prepared { unlink(file.temporary) }
            if let staging { POSIXFiles.removeTree(staging) }
            for folder in createdParents.reversed() { rmdir(folder) }
            throw ReportWriterError(problem: .sentence(.writerCannotWrite, arguments: ["path": "\(directory)", "reason": "\(error)"]))
        }
        for (index, file) in prepared.enumerated() {
            do {
                try POSIXFiles.move(file.temporary, to: file.target)
            } catch {
                for rest in prepared[index...] { unlink(rest.temporary) }
                throw ReportWriterError(problem: .sentence(.writerPartly, arguments: ["path": "\(directory)", "reason": "\(error)"]))
            }
            try? POSIXFiles.syncFolder((file.target as NSString).deletingLastPathComponent.isEmpty ? "." : (file.target as NSString).deletingLastPathComponent)
        }
    }

    /// Puts the complete folder `staging` at `target` and removes what was there.
    static func swap(_ staging: String, into target: String, parent: String) throws(POSIXFiles.Failure) {
        if POSIXFiles.kind(of: target) == .absent {
            try POSIXFiles.move(staging, to: target)
        } else if try POSIXFiles.exchange(staging, target) {
            POSIXFiles.removeTree(staging)  // now the old folder
        } else {
            // No atomic exchange: move the old one aside (into a new folder), then put the new one in place.
            let aside = try POSIXFiles.makeUniqueFolder(in: parent, prefix: "\(stagingPrefix)\(getpid())-")
            do {
                try POSIXFiles.move(target, to: aside + "/old")
            } catch {
                rmdir(aside)
                throw error
            }
            do {
                try POSIXFiles.move(staging, to: target)
            } catch {
                try? POSIXFiles.move(aside + "/old", to: target)
                rmdir(aside)
                throw error
            }
            POSIXFiles.removeTree(aside)
        }
        try? POSIXFiles.syncFolder(parent)
    }

    /// The parent folder and base name of `directory`; refuses `.`, `..`, `/` and the empty path.
    static func split(_ directory: String) throws -> (parent: String, base: String) {
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard !path.isEmpty, path != "/" else { throw ReportWriterError(problem: .sentence(.writerFolderName, arguments: ["path": "\(directory)"])) }
        let slash = path.lastIndex(of: "/")
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        guard base != ".", base != ".." else {
            throw ReportWriterError(problem: .sentence(.writerDotFolder, arguments: ["path": "\(directory)"]))
        }
        return (parent, base)
    }

    /// Creates the missing folders of `path`, outermost first; returns those it created.
    static func createMissingFolders(_ path: String) throws -> [String] {
        var missing: [String] = []
        var current = path
        while POSIXFiles.kind(of: current) == .absent {
            missing.append(current)
            let parent = (current as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == current { break }
            current = parent
        }
        var created: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
                let message = POSIXFiles.lastError()
                for made in created.reversed() { rmdir(made) }
                throw POSIXFiles.Failure(description: message)
            }
            created.append(folder)
        }
        return created
    }

    /// Removes the staging folders in `parent` of processes that no longer run (killed while
    /// writing). Only folders named `.vigie-staging-<pid>-XXXXXX` and owned by this user.
    static func removeAbandonedStaging(in parent: String) {
        guard let entries = POSIXFiles.entries(parent) else { return }
        for name in entries where name.hasPrefix(stagingPrefix) {
            let rest = name.dropFirst(stagingPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0, pid != getpid(),
                  rest.distance(from: dash, to: rest.endIndex) == 7, !POSIXFiles.processIsAlive(pid)
            else { continue }
            let path = parent + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { continue }
            POSIXFiles.removeTree(path)
        }
    }
}
