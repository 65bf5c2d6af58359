/// A file name that stays in the folder it is looked up in: not empty, not `.` or `..`, no
/// `/`, no NUL, no control character, and at most 255 bytes (the usual file-system limit).
///
/// Every name an output folder or a manifest gives is checked against this before it is
/// joined to a folder, so a name cannot climb out (`../x`), jump elsewhere (`/etc/x`) or
/// hide (`a\nb`).
package enum PlainFileName {
    /// Why `name` is not a plain file name, or nil when it is.
    package static func problem(_ name: String) -> String? {
        if name.isEmpty { return "an empty name" }
        if name == "." || name == ".." { return "'\(name)' names a folder, not a file" }
        if name.contains("/") { return "'\(name)' holds a '/': only a plain file name is accepted" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a name with a control character (\(name.unicodeScalars.filter { $0.value < 0x20 || $0.value == 0x7F }.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: ", ")))"
        }
        if name.utf8.count > 255 { return "a name of \(name.utf8.count) bytes (at most 255)" }
        return nil
    }

    package static func isPlain(_ name: String) -> Bool { problem(name) == nil }
}
