extension SourceFile {
    /// The JSON pointer of the value (or member name) at `location`, found by reading again the
    /// value at `root` (whose pointer is `base`), which contains it.
    ///
    /// Only findings and errors need pointers, so they are found here, once per report, instead
    /// of being built for every value read. A location outside `root` gets `base`.
    public func pointer(of location: Location, within root: Location = Location(offset: 0), at base: JSONPointer = .root) -> JSONPointer {
        guard location.offset != root.offset else { return base }
        let tape: JSONTape? = bytes.withUnsafeBufferPointer { buffer in
            guard root.offset >= 0, root.offset < buffer.count else { return nil }
            var parser = JSONParser(bytes: buffer, source: bytes, start: root.offset, end: buffer.count)
            return try? parser.readValue()
        }
        guard let tape else { return base }
        var pointer = base
        var current = 0
        // Members and elements are in file order: only the last one starting at or before the
        // offset can hold it.
        while tape.offset(at: current) != location.offset {
            switch tape.kind(at: current) {
            case .object:
                var holder: Int?
                tape.forEachMember(of: current) { name in
                    if tape.offset(at: name) <= location.offset { holder = name }
                }
                guard let holder else { return base }
                pointer = pointer.appending(tape.text(at: holder))
                if tape.offset(at: holder) == location.offset { return pointer }
                current = holder + 1
            case .array:
                var holder: (position: Int, element: Int)?
                var position = 0
                tape.forEachElement(of: current) { element in
                    if tape.offset(at: element) <= location.offset { holder = (position, element) }
                    position += 1
                }
                guard let holder else { return base }
                pointer = pointer.appending(holder.position)
                current = holder.element
            default:
                return base
            }
        }
        return pointer
    }
}
