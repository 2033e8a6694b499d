/// The member names one part of the model reads (an invoice's, a line's), laid out so that a
/// member found in a record is told to be one of them, and which, from its bytes in one step.
///
/// Looking each field up by name walks the whole object every time (the last of a repeated
/// name counts, so a lookup cannot stop at the first): an invoice's fourteen fields cost fourteen
/// walks over its members, and its lines' fields as many again. Reading the members once into
/// slots (`FieldReader.members(_:)`) costs one walk.
///
/// `@unchecked Sendable`: the tables are filled once in `init` and only read after; they are
/// never freed, as the model keeps its names in `static let`s for the life of the process
/// (memory a shared array would hold too, without the reference count threads would share).
public struct MemberSlotTable: @unchecked Sendable {
    /// At most this many names: a record's slots are a fixed-size value on the stack.
    public static let capacity = 16

    /// The names' bytes, one after another.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// For each name length, where its names start in `names` and how many there are.
    private let byLength: UnsafeMutableBufferPointer<(start: UInt8, count: UInt8)>
    /// The names, ordered by length: where each starts in `bytes`, and its slot.
    private let names: UnsafeMutableBufferPointer<(offset: UInt16, slot: UInt8)>

    /// The names of `Slot`'s cases, each read into the slot of its raw value.
    public init<Slot: MemberSlot>(_ slots: Slot.Type) {
        self.init(Slot.allCases.map { "\($0)" })
        for (position, slot) in Slot.allCases.enumerated() { precondition(slot.rawValue == position, "slots are numbered 0, 1, 2… in order") }
    }

    /// `list[slot]` is the name read into `slot`.
    init(_ list: [String]) {
        precondition(list.count <= Self.capacity, "a record reads at most \(Self.capacity) members by slot")
        let longest = list.map(\.utf8.count).max() ?? 0
        bytes = .allocate(capacity: max(1, list.reduce(0) { $0 + $1.utf8.count }))
        byLength = .allocate(capacity: longest + 1)
        byLength.initialize(repeating: (0, 0))
        names = .allocate(capacity: max(1, list.count))
        var offset = 0
        var placed = 0
        for length in 0...longest {
            byLength[length] = (UInt8(placed), 0)
            for (slot, name) in list.enumerated() where name.utf8.count == length {
                for (position, byte) in name.utf8.enumerated() { bytes[offset + position] = byte }
                names[placed] = (UInt16(offset), UInt8(slot))
                offset += length
                placed += 1
                byLength[length].count += 1
            }
        }
    }

    /// The slot of the name whose bytes are `key`, if it is one of the names.
    func slot(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count < byLength.count, let keyStart = key.baseAddress else { return nil }
        let (start, count) = byLength[key.count]
        for index in Int(start)..<Int(start) + Int(count) {
            let name = names[index]
            if JSONTape.equal(keyStart, UnsafeBufferPointer(rebasing: bytes[Int(name.offset)..<Int(name.offset) + key.count]), count: key.count) {
                return Int(name.slot)
            }
        }
        return nil
    }
}

/// The members one part of the model reads: an enumeration whose cases are named as the API
/// names the members (`DocNumber`, `TxnDate`) and numbered 0, 1, 2… in order.
public protocol MemberSlot: RawRepresentable<Int>, CaseIterable {
    /// The cases' names, laid out once (`MemberSlotTable(Self.self)` in a `static let`).
    static var names: MemberSlotTable { get }
}

/// A record's members read once into the slots of its `MemberSlotTable`: the value of each name
/// (the last, when a name repeats), found without walking the object again.
public struct MemberFields<Slot: MemberSlot> {
    private let object: FieldReader
    /// The tape index of each slot's value; 0 (the record's own entry, never a member's value)
    /// when the object has no such member.
    private var slots: InlineArray<16, Int32>

    init(object: FieldReader, slots: InlineArray<16, Int32>) {
        self.object = object
        self.slots = slots
    }

    /// Whether the object has the member of `slot`, null or not.
    public func has(_ slot: Slot) -> Bool {
        slots[slot.rawValue] != 0
    }

    /// The member in `slot`, present and not null; nil otherwise.
    public subscript(_ slot: Slot) -> FieldReader? {
        let index = Int(slots[slot.rawValue])
        return index == 0 ? nil : object.present(at: index)
    }
}
