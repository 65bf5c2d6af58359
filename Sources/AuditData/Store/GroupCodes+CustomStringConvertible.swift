extension GroupCodes: CustomStringConvertible {
    /// The codes as an array literal would print them (`[1, 0, 2]`), for test messages.
    public var description: String { widened.description }
}
