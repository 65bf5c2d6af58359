extension InputSentence {
    /// The sentence whose English template gives exactly `message`, with its arguments; `nil`
    /// when none does. The first sentence in declaration order wins, so a more specific one is
    /// declared before a more general one.
    ///
    /// A message is matched piece by piece: each literal piece of the template must be found
    /// where it stands, each placeholder takes the text between (a placeholder named twice must
    /// take the same text both times), so filling the template with the arguments found gives
    /// `message` back byte for byte.
    public static func recognize(_ message: String) -> (sentence: InputSentence, arguments: [String: String])? {
        for sentence in allCases {
            if let arguments = sentence.match(message) { return (sentence, arguments) }
        }
        return nil
    }

    /// The template filled with `arguments` (a missing argument leaves its placeholder).
    public func text(_ arguments: [String: String]) -> String {
        Self.pieces(english).map { piece in
            switch piece {
            case .literal(let s): s
            case .slot(let name): arguments[name] ?? "{\(name)}"
            }
        }.joined()
    }

    /// The arguments that make this template `message`, or `nil`.
    func match(_ message: String) -> [String: String]? {
        Self.match(Self.pieces(english)[...], Substring(message), [:])
    }

    enum Piece: Equatable {
        case literal(String)
        case slot(String)
    }

    /// A template cut into literal text and `{name}` placeholders (lowercase letters and `_`).
    static func pieces(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }), close > after.startIndex {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.slot(String(after[..<close])))
                rest = after[after.index(after: close)...]
            } else {
                literal += "{"
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    private static func match(_ pieces: ArraySlice<Piece>, _ text: Substring, _ bound: [String: String]) -> [String: String]? {
        guard let first = pieces.first else { return text.isEmpty ? bound : nil }
        let rest = pieces.dropFirst()
        switch first {
        case .literal(let s):
            guard text.hasPrefix(s) else { return nil }
            return match(rest, text.dropFirst(s.count), bound)
        case .slot(let name):
            if let value = bound[name] {
                guard text.hasPrefix(value) else { return nil }
                return match(rest, text.dropFirst(value.count), bound)
            }
            // The slot ends where the next literal piece starts (tried from the shortest), or
            // at the end of the text when it is the last piece.
            guard case .literal(let next)? = rest.first else {
                if rest.isEmpty { var b = bound; b[name] = String(text); return b }
                return nil  // two placeholders in a row: not used by any template
            }
            var start = text.startIndex
            while let found = text[start...].firstRange(of: next) {
                var b = bound
                b[name] = String(text[..<found.lowerBound])
                if let result = match(rest, text[found.lowerBound...], b) { return result }
                guard found.lowerBound < text.endIndex else { break }
                start = text.index(after: found.lowerBound)
            }
            return nil
        }
    }
}
