import Foundation

/// A response of the Open311 server as a small tree, written as XML or JSON by the same code, so the two formats
/// cannot drift apart (GeoReport v2: "JSON is a programmatic mapping of the XML").
indirect enum Open311Value: Sendable, Equatable {
    /// Text (also codes and times).
    case text(String)
    /// A number.
    case number(Double)
    /// `true` / `false`.
    case bool(Bool)
    /// An absent optional value: an empty element in XML, `null` in JSON.
    case null
    /// An element with named children, in order.
    case object([(String, Open311Value)])
    /// Repeated elements named `item` (XML) or an array (JSON).
    case list(item: String, [Open311Value])

    static func == (lhs: Open311Value, rhs: Open311Value) -> Bool { lhs.json == rhs.json }

    /// `text` or `null`.
    static func optional(_ text: String?) -> Open311Value { text.map(Open311Value.text) ?? .null }

    /// A number or `null`.
    static func optional(_ number: Double?) -> Open311Value { number.map(Open311Value.number) ?? .null }
}

/// The two formats, chosen by the path's suffix.
enum Open311Format: String, Sendable, CaseIterable {
    case xml
    case json

    /// The content type of the answer.
    var contentType: String {
        switch self {
        case .xml: "text/xml; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// Splits `name.fmt` into the name and the format; `nil` when the suffix is neither.
    static func split(_ component: String) -> (name: String, format: Open311Format)? {
        guard let dot = component.lastIndex(of: ".") else { return nil }
        guard let format = Open311Format(rawValue: String(component[component.index(after: dot)...])) else {
            return nil
        }
        return (String(component[..<dot]), format)
    }
}

extension Open311Value {
    /// The document: `root` holding `self` in XML (with the UTF-8 declaration, no namespace); `self` alone in JSON.
    func document(root: String, format: Open311Format) -> String {
        switch format {
        case .xml:
            var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            Self.writeXML(root, self, into: &out)
            return out + "\n"
        case .json:
            return json
        }
    }

    private static func writeXML(_ name: String, _ value: Open311Value, into out: inout String) {
        switch value {
        case .list(let item, let values):
            out += "<\(name)>"
            for value in values { writeXML(item, value, into: &out) }
            out += "</\(name)>"
        case .null:
            out += "<\(name)/>"
        case .object(let members):
            out += "<\(name)>"
            for (key, member) in members { writeXML(key, member, into: &out) }
            out += "</\(name)>"
        default:
            out += "<\(name)>\(escapeXML(value.scalarText))</\(name)>"
        }
    }

    private var scalarText: String {
        switch self {
        case .text(let text): text
        case .number(let number): Self.numberText(number)
        case .bool(let flag): flag ? "true" : "false"
        default: ""
        }
    }

    private static func numberText(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// The value as JSON text.
    var json: String {
        switch self {
        case .text(let text): Self.quote(text)
        case .number(let number): Self.numberText(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .object(let members): "{" + members.map { Self.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        case .list(_, let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        }
    }

    private static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding a String cannot fail; the fallback is never used.
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    private static func escapeXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab, LF and CR are not allowed in XML 1.0 at all.
            case _ where scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
