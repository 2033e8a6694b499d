extension SourceFile {
    /// The JSON pointer of the value (or member name) at `location`, found by reading again the
    /// value that `root` names, which contains it.
    ///
    /// Only findings and errors need pointers, so they are found here, once per report, instead
    /// of being built for every value read. A location outside `root` gets `root`'s pointer.
    public func pointer(of location: Location, within root: Location) -> JSONPointer {
        if let known = location.knownPointer { return known }
        let base = root.knownPointer ?? .root
        guard location.offset != root.offset else { return base }
        let value: JSONValue? = bytes.withUnsafeBufferPointer { buffer in
            guard root.offset >= 0, root.offset < buffer.count else { return nil }
            var parser = JSONParser(bytes: buffer, start: root.offset, end: buffer.count)
            return try? parser.readValue()
        }
        guard let value, let tokens = value.tokens(to: location.offset) else { return base }
        return tokens.reduce(base) { pointer, token in
            switch token {
            case .key(let key): pointer.appending(key)
            case .index(let index): pointer.appending(index)
            }
        }
    }
}

private enum Token {
    case key(String)
    case index(Int)
}

extension JSONValue {
    /// The way from this value down to the value or member name starting at `offset`: members
    /// and elements are in file order, so only the last one starting before it can hold it.
    fileprivate func tokens(to offset: Int) -> [Token]? {
        if self.offset == offset { return [] }
        switch kind {
        case .object(let object):
            guard let member = object.members.last(where: { $0.keyOffset <= offset }) else { return nil }
            if member.keyOffset == offset { return [.key(member.key)] }
            return member.value.tokens(to: offset).map { [.key(member.key)] + $0 }
        case .array(let elements):
            guard let index = elements.lastIndex(where: { $0.offset <= offset }) else { return nil }
            return elements[index].tokens(to: offset).map { [.index(index)] + $0 }
        default:
            return nil
        }
    }
}
