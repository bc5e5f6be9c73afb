import Foundation

/// A fragment of HTML whose interpolated values are escaped by default.
///
/// `"<td>\(title)</td>" as HTML` escapes `title`; only another ``HTML`` value is inserted as it is, so markup can be
/// composed but user text can never become markup by accident.
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    private(set) var markup: String

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Markup that is already safe (built by this type, or a constant of ours). Never pass user input.
    init(trusted markup: String) { self.markup = markup }

    /// Nothing.
    static let empty = HTML(trusted: "")

    var description: String { markup }

    /// The interpolation that escapes text and inserts fragments.
    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number.
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// A fragment, as it is.
        mutating func appendInterpolation(_ fragment: HTML) { markup += fragment.markup }

        /// Fragments one after the other.
        mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { markup += fragment.markup }
        }

        /// A fragment or nothing.
        mutating func appendInterpolation(_ fragment: HTML?) { markup += fragment?.markup ?? "" }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in text and in quoted
    /// attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Joins fragments with a separator.
    static func join(_ fragments: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: fragments.map(\.markup).joined(separator: separator.markup))
    }
}

extension HTML {
    /// `checked`/`selected` attributes and the like: the attribute when `condition` holds.
    static func attribute(_ name: String, if condition: Bool) -> HTML {
        condition ? HTML(trusted: " " + name) : .empty
    }

    /// An `<option>` with its value, label and selection.
    static func option(_ value: String, _ label: String, selected: Bool) -> HTML {
        "<option value=\"\(value)\"\(attribute("selected", if: selected))>\(label)</option>"
    }
}
