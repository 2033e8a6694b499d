/// Escaping for the XML and HTML reports: `& < > " '` become entities; characters XML 1.0 cannot
/// hold become U+FFFD; line breaks stay, or become `&#10;` inside attribute values.
enum Markup {
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\t", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
