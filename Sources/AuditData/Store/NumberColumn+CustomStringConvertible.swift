extension NumberColumn: CustomStringConvertible {
    /// The values as an array literal would print them (`[1.0, nan, 3.5]`), for test messages.
    public var description: String { values.description }
}
