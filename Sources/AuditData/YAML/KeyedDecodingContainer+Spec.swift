extension KeyedDecodingContainer {
    /// The value of a key that must be present; when it is absent, the error says what to
    /// give (`missing: name the column`) and is located at the mapping.
    public func decode<T: Decodable>(_ type: T.Type, forKey key: Key, missing: String) throws -> T {
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: missing))
        }
        return try decode(type, forKey: key)
    }

    /// The value of a key, or `fallback` when the key is absent.
    public func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? fallback()
    }

    /// A list (or mapping) whose wrong shape deserves a better word than "expected a list":
    /// `expected` replaces the message when the value itself has the wrong type
    /// (`expected a list of band edges`); errors inside the value are kept.
    public func decode<T: Decodable>(_ type: T.Type, forKey key: Key, expected: String) throws -> T {
        do {
            return try decode(type, forKey: key)
        } catch DecodingError.typeMismatch(let t, let context) where context.codingPath.count == codingPath.count + 1 {
            throw DecodingError.typeMismatch(t, DecodingError.Context(codingPath: context.codingPath, debugDescription: expected))
        }
    }

    /// An error about the value of `key` (located at the value).
    public func failure(_ key: Key, _ message: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: message)
    }

    /// An error about the whole mapping (located at its start).
    public func failure(_ message: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: message))
    }
}

extension KeyedDecodingContainer {
    /// An error for a key that must be given (located at the mapping).
    public func missing(_ key: Key, _ message: String) -> DecodingError {
        DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: message))
    }
}

extension KeyedDecodingContainer {
    /// A required value whose wrong shape has a better word than the decoder's.
    public func decode<T: Decodable>(_ type: T.Type, forKey key: Key, missing: String, expected: String) throws -> T {
        guard contains(key) else { return try decode(type, forKey: key, missing: missing) }
        return try decode(type, forKey: key, expected: expected)
    }

    /// An optional value, or `fallback`, whose wrong shape has a better word than the decoder's.
    public func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default fallback: T, expected: String) throws -> T {
        guard contains(key) else { return fallback }
        return try decode(type, forKey: key, expected: expected)
    }

    /// An optional value whose wrong shape has a better word than the decoder's.
    public func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key, expected: String) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(type, forKey: key, expected: expected)
    }
}
