/// One place a field's value may come from, and what it found there: a part, or `nil`
/// with the name of what was looked for (`system.vendor`, `--declare nl.status`).
struct RegisterLookup: Sendable {
    let part: RegisterPart?
    let name: String
}
