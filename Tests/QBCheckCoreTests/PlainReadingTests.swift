import QBCheckCore
import QBCheckTestSupport
import Testing

/// Most values are read by the parser's plain reading (one loop, no recursion), which hands
/// anything it does not accept, and anything nested deeper than it goes, to the checking
/// parser. A value wrapped in fifty arrays is therefore read by the checking parser alone: it
/// must read exactly as the value alone does (same values, same offsets, same counts), and be
/// refused whenever the value alone is, whatever bytes it holds. (The error reported is always
/// the checking parser's; the plain reading only stops.)
struct PlainReadingTests {
    private static let wrapping = 50

    private enum Outcome: Equatable {
        case read(String)
        case refused
    }

    private func outcome(_ text: [UInt8], wrapped: Bool) -> Outcome {
        let shift = wrapped ? Self.wrapping : 0
        let bytes = wrapped ? Array(repeating: UInt8(ascii: "["), count: shift) + text + Array(repeating: UInt8(ascii: "]"), count: shift) : text
        switch JSONReader.readSingleNode(SourceFile(name: "t.json", bytes: bytes)) {
        case .failure:
            return .refused
        case .success(var node):
            for _ in 0..<shift { node = node.elements[0] }
            return .read(dump(node, shift: shift))
        }
    }

    /// Every value with its kind, its offset and its text or count, in file order.
    private func dump(_ node: Node, shift: Int) -> String {
        var out = "\(node.typeName)@\(node.offset - shift)"
        if node.isObject {
            out += "{\(node.memberCount):"
            node.forEachMember { key, value in out += "\(key)=" + dump(value, shift: shift) + "," }
            out += "}"
        } else if node.isArray {
            let elements = node.elements
            out += "[\(elements.count):" + elements.map { dump($0, shift: shift) }.joined(separator: ",") + "]"
        } else {
            out += "\(String(describing: node.scalar))"
        }
        return out
    }

    private static let samples: [String] = [
        #"{"Invoice":{"Id":"130","Line":[{"Amount":10.5,"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"Qty":-1e3,"ItemRef":{"value":"1"}}},{"DetailType":"SubTotalLineDetail","SubTotalLineDetail":{}}],"EmailStatus":null,"AllowOnline":true,"Sparse":false,"Note":"caf\u00e9 \"x\"\n","Name":"Zoë 😀"}}"#,
        "  [ 1 , [ ] , { } , [ [ 0 ] ] , \"a\\\\b\" , -0.0 , 0E+1 , true , false , null ]  ",
        #"{"a": {"b": {"c": [1, {"d": []}]}}, "a": "repeat", "": ""}"#,
        "\"just a string that runs past the eight byte steps\"",
        "-12.5e-3",
        "{\"tab\":\t\"x\"\r\n}",
    ]

    @Test(arguments: samples)
    func aValueReadsTheSameWhateverReadsIt(_ sample: String) {
        let bytes = Array(sample.utf8)
        let plain = outcome(bytes, wrapped: false)
        guard case .read = plain else {
            Issue.record("the sample is well-formed: \(plain)")
            return
        }
        #expect(plain == outcome(bytes, wrapped: true))
    }

    @Test func brokenValuesAreRefusedAlike() {
        // Bytes that matter to JSON's grammar, put in, taken out or swapped at random places.
        let alphabet = Array(#"{}[]":,\ -+.eE0123456789tfnrlsua"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0xF0, 0xFF]
        var random = SplitMix64(seed: 6)
        var refused = 0
        for round in 0..<3_000 {
            var bytes = Array(Self.samples[round % Self.samples.count].utf8)
            for _ in 0...Int.random(in: 0...2, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                case 1: if bytes.count > 1 { bytes.remove(at: at) }
                default: bytes[at] = alphabet.randomElement(using: &random)!
                }
            }
            let plain = outcome(bytes, wrapped: false)
            if case .refused = plain { refused += 1 }
            #expect(plain == outcome(bytes, wrapped: true), "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(refused > 1_000, "most changes break the value")
    }

    @Test func aValueDeeperThanThePlainReadingGoesIsStillRead() throws {
        let depth = 200
        let text = String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth)
        var node = try JSONReader.readSingleNode(SourceFile(name: "t.json", text: text)).get()
        for _ in 0..<depth { node = node.elements[0] }
        #expect(node.scalar == .text("7"))
    }
}
