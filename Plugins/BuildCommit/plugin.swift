import Foundation
import PackagePlugin

/// Fixes the git commit of a build into the binary: before each build, writes
/// `BuildCommit.swift` (`BuildCommit.commit`, `BuildCommit.sourceModified`) into the target.
///
/// The commit is `git rev-parse HEAD` of the package's own checkout (the package folder must
/// be the top of the git work tree, so a copy of the sources inside another repository does
/// not take that repository's commit), and `sourceModified` whether tracked files differ from
/// it. Outside a git checkout, or without git, the commit is `unknown` and `sourceModified` nil.
/// Vigie never runs git when it runs; the manifest records what was fixed here.
///
/// A prebuild command (run before every build, so a new commit is seen without a clean
/// build); the file is rewritten only when its content changes, so an unchanged commit
/// recompiles nothing.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        return [
            .prebuildCommand(
                displayName: "Recording the build's git commit",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "build-commit", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output
            )
        ]
    }

    /// `sh -c SCRIPT build-commit PACKAGE_FOLDER OUTPUT_FOLDER`.
    static let script = #"""
    set -u
    root=$1
    out=$2
    mkdir -p "$out" || exit 1
    commit=unknown
    modified=nil
    if command -v git >/dev/null 2>&1; then
      top=$(git -C "$root" rev-parse --show-toplevel 2>/dev/null || true)
      here=$(cd "$root" 2>/dev/null && pwd -P || true)
      there=$(cd "$top" 2>/dev/null && pwd -P || true)
      head=$(git -C "$root" rev-parse --verify -q HEAD 2>/dev/null || true)
      if [ -n "$top" ] && [ "$here" = "$there" ]; then
        case "$head" in
          *[!0-9a-f]*|'') ;;
          *)
            if [ ${#head} -eq 40 ] || [ ${#head} -eq 64 ]; then
              commit=$head
              if status=$(GIT_OPTIONAL_LOCKS=0 git -C "$root" status --porcelain --untracked-files=no 2>/dev/null); then
                if [ -z "$status" ]; then modified=false; else modified=true; fi
              fi
            fi
            ;;
        esac
      fi
    fi
    text="// Generated before each build by the BuildCommit plugin (Plugins/BuildCommit). Do not edit.

    /// The git commit this binary was built from, and whether tracked files differed from it.
    enum BuildCommit {
        static let commit = \"$commit\"
        static let sourceModified: Bool? = $modified
    }"
    file="$out/BuildCommit.swift"
    if [ ! -f "$file" ] || [ "$(cat "$file")" != "$text" ]; then
      printf '%s\n' "$text" > "$file.tmp.$$" && mv -f "$file.tmp.$$" "$file"
    fi
    """#
}
