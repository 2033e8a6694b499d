/// Where a value stands in its file: its byte offset, and its JSON pointer when that is known.
///
/// A record's fields are read by the thousand per second, and building a pointer for each is a
/// heap allocation per value; so values inside a record carry only their offset, and the pointer
/// is worked out from the file's bytes for the few that a finding or an error reports
/// (`SourceFile.pointer(of:within:)`). Records themselves, and settings, carry a known pointer.
public struct Location: Sendable, Hashable {
    public var offset: Int
    /// The pointer, when the reader followed the way to the value; nil when it is to be found.
    public var knownPointer: JSONPointer?

    public init(pointer: JSONPointer, offset: Int) {
        self.offset = offset
        self.knownPointer = pointer
    }

    /// A value at `offset` whose pointer is found when something reports it.
    public init(offset: Int) {
        self.offset = offset
        self.knownPointer = nil
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
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
