import AuditData
import Foundation

/// The report's sentences in one language, from `ReportCatalogue`, and its numbers written
/// the way that language writes them (`9.1 %` in English, `9,1 %` in French).
public struct ReportText: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    /// The template of `key` (a missing key shows as `⟦key⟧`, which the tests look for).
    func template(_ key: String) -> String {
        ReportCatalogue.messages[key]?.template(language) ?? "⟦\(key)⟧"
    }

    /// The sentence of `key` with its placeholders filled by plain text.
    public func callAsFunction(_ key: String, _ args: [String: String] = [:]) -> String {
        var out = template(key)
        for (name, value) in args.sorted(by: { $0.key < $1.key }) {
            out = out.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return out
    }

    /// The sentence of `key` as runs: each placeholder becomes its run (a data label stays a
    /// label, escaped by the renderer), the template's text becomes text runs.
    public func runs(_ key: String, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        let t = template(key)
        var out: [ReportInline] = []
        var text = ""
        var index = t.startIndex
        while index < t.endIndex {
            if t[index] == "{", let close = t[index...].firstIndex(of: "}") {
                let name = String(t[t.index(after: index)..<close])
                if let run = args[name] {
                    if !text.isEmpty { out.append(.text(text)); text = "" }
                    out.append(run)
                    index = t.index(after: close)
                    continue
                }
            }
            text.append(t[index])
            index = t.index(after: index)
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }

    /// `x` with `digits` decimals, decimal comma in French.
    public func fixed(_ x: Double, _ digits: Int) -> String {
        let s = NumberFormat.fixed(x, digits: digits)
        return language == .fr ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// A rate as a percentage (`9.1 %`, `9,1 %`).
    public func percent(_ x: Double, _ digits: Int = 1) -> String {
        fixed(x * 100, digits) + "\u{a0}%"
    }

    /// A whole number with thin grouping (`5 000` in French, `5,000` in English).
    public func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += language == .fr ? "\u{202f}" : "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
