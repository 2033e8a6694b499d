/// Where a value stands in its file: its JSON pointer and byte offset.
public struct Location: Sendable, Hashable {
    public var pointer: JSONPointer
    public var offset: Int

    public init(pointer: JSONPointer, offset: Int) {
        self.pointer = pointer
        self.offset = offset
    }
}

/// A value read from a document, with the place it was read from, so a finding about it can
/// point at the exact line and column.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: Location

    public init(_ value: Value, at location: Location) {
        self.value = value
        self.location = location
    }

    public var pointer: JSONPointer { location.pointer }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
