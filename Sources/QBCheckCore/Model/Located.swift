/// Where a value stands in its file: its byte offset.
///
/// A record's fields are read by the thousand per second, and building a JSON pointer for each
/// would be a heap allocation per value (and preflight holds a million records); so a value
/// carries only its offset, and the pointer is worked out from the file's bytes for the few
/// that a finding or an error reports (`PointerIndex`, one per record). Each `Document`
/// keeps its own pointer, from which the others are found.
public struct Location: Sendable, Hashable {
    public var offset: Int

    public init(offset: Int) {
        self.offset = offset
    }
}

/// A value read from a document, with the place it was read from, so a finding about it can
/// point at the exact line and column.
///
/// The location is laid out first: an amount then fits its optional's tag in its last word's
/// spare bytes (32 bytes, not 40), and an invoice holds dozens of them.
public struct Located<Value: Sendable>: Sendable {
    public var location: Location
    public var value: Value

    public init(_ value: Value, at location: Location) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
