import AuditData

/// `labels:` in a spec: each key a code, each value a name (for every language) or a mapping
/// from language (`en`, `fr`) to name. Empty names and unknown languages are refused.
extension DisplayLabels: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        var names: [String: [String: String]] = [:]
        for key in c.allKeys {
            if let name = try? c.decode(String.self, forKey: key) {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw c.failure(key, "expected a name, found an empty text") }
                names[key.stringValue] = ["": name]
                continue
            }
            let inner = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
            try SpecError.checkKeys(inner, allowed: ReportLanguage.allCases.map(\.rawValue))
            var byLanguage: [String: String] = [:]
            for language in inner.allKeys {
                let name = try inner.decode(String.self, forKey: language)
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw inner.failure(language, "expected a name, found an empty text") }
                byLanguage[language.stringValue] = name
            }
            names[key.stringValue] = byLanguage
        }
        self.init(names: names)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        for code in names.keys.sorted() {
            let byLanguage = names[code] ?? [:]
            if byLanguage.count == 1, let any = byLanguage[""] {
                try c.encode(any, forKey: AnyCodingKey(code))
            } else {
                var inner = c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(code))
                for language in byLanguage.keys.sorted() where !language.isEmpty { try inner.encode(byLanguage[language], forKey: AnyCodingKey(language)) }
            }
        }
    }
}
