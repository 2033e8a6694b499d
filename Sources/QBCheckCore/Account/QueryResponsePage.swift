/// A QBO query response page as the API returns it: `{"QueryResponse": {"Invoice": [...],
/// "startPosition": 1, "maxResults": 1000}, "time": "..."}`, one entity a page ("You can only
/// query one entity at a time", QBO data queries).
public enum QueryResponsePage {
    /// The entity whose list the page opens with, read from its first bytes; nil when they are
    /// not the opening of a query response's list.
    public static func listedEntity(in prefix: [UInt8]) -> String? {
        var index = 0
        func skipSpace() {
            while index < prefix.count, [0x20, 0x0A, 0x0D, 0x09].contains(prefix[index]) { index += 1 }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < prefix.count, prefix[index] == byte else { return false }
            index += 1
            return true
        }
        func name() -> String? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < prefix.count, prefix[index] != UInt8(ascii: "\"") {
                guard prefix[index] < 0x80, prefix[index] != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            guard index < prefix.count else { return nil }
            defer { index += 1 }
            return String(decoding: prefix[start..<index], as: UTF8.self)
        }
        guard expect(UInt8(ascii: "{")), name() == "QueryResponse", expect(UInt8(ascii: ":")), expect(UInt8(ascii: "{")),
              let entity = name(), expect(UInt8(ascii: ":")), expect(UInt8(ascii: "[")), QBOEntity.isKnownName(entity) else { return nil }
        return entity
    }
}
