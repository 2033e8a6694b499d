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

    /// A random well-formed value: every kind, numbers of every shape, strings with escapes,
    /// accents, emoji and runs longer than the sixteen bytes the string scan takes at once,
    /// and whitespace of all four kinds between tokens.
    private func randomValue(depth: Int, using random: inout SplitMix64) -> String {
        let space = { (random: inout SplitMix64) -> String in
            String((0..<Int.random(in: 0...2, using: &random)).map { _ in [" ", "\n", "\t", "\r"].randomElement(using: &random)! })
        }
        let pieces = ["a", "Invoice", "\\\"", "\\n", "\\u00e9", "é", "😀", "0123456789abcdef", "\\/", " "]
        func string(_ random: inout SplitMix64) -> String {
            "\"" + (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() + "\""
        }
        let numbers = ["0", "-0", "7", "-12", "594.06", "0.5", "-0.001", "1e3", "2E-2", "1.5e+10", "123456789012345678901234"]
        switch Int.random(in: 0..<(depth > 4 ? 4 : 7), using: &random) {
        case 0: return string(&random)
        case 1: return numbers.randomElement(using: &random)!
        case 2: return ["true", "false", "null"].randomElement(using: &random)!
        case 3: return "[" + space(&random) + "]"
        case 4, 5:
            let members = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                space(&random) + string(&random) + space(&random) + ":" + space(&random) + randomValue(depth: depth + 1, using: &random) + space(&random)
            }
            return "{" + members.joined(separator: ",") + "}"
        default:
            let elements = (0..<Int.random(in: 1...4, using: &random)).map { _ in space(&random) + randomValue(depth: depth + 1, using: &random) + space(&random) }
            return "[" + elements.joined(separator: ",") + "]"
        }
    }

    @Test func randomValuesReadTheSameWhateverReadsThem() {
        var random = SplitMix64(seed: 48)
        for _ in 0..<2_000 {
            let bytes = Array(randomValue(depth: 0, using: &random).utf8)
            let plain = outcome(bytes, wrapped: false)
            guard case .read = plain else {
                Issue.record("a well-formed value was refused: \(String(decoding: bytes, as: UTF8.self))")
                continue
            }
            #expect(plain == outcome(bytes, wrapped: true), "\(String(decoding: bytes, as: UTF8.self))")
        }
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

    @Test func everyByteOfALongStringIsLookedAt() {
        // The string scan takes sixteen bytes at a time: a byte that ends or breaks the string
        // must be seen at every place of a long one, and a character outside ASCII be read.
        let plain = Array(repeating: UInt8(ascii: "a"), count: 40)
        for place in 0..<plain.count {
            for bad: [UInt8] in [[0x00], [0x1F], [0x80], [0xFF], [0xC3], [0xED, 0xA0, 0x80]] {
                var bytes = plain
                bytes.replaceSubrange(place..<place + 1, with: bad)
                let text = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
                #expect(outcome(text, wrapped: false) == .refused, "byte \(bad) at \(place)")
            }
            for good: [UInt8] in [[0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], Array(#"\""#.utf8)] {
                var bytes = plain
                bytes.replaceSubrange(place..<place + 1, with: good)
                let text = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
                let read = outcome(text, wrapped: false)
                #expect(read != .refused && read == outcome(text, wrapped: true), "bytes \(good) at \(place)")
            }
        }
    }

    @Test func aValueDeeperThanThePlainReadingGoesIsStillRead() throws {
        let depth = 200
        let text = String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth)
        var node = try JSONReader.readSingleNode(SourceFile(name: "t.json", text: text)).get()
        for _ in 0..<depth { node = node.elements[0] }
        #expect(node.scalar == .text("7"))
    }
}
