import Foundation

/// How a routing rule names a unit (BRIEF §1 谁主管谁负责, 属地管理): by id, by unit code, or "territorial" — the
/// street office (or, above street level, the centre) of the region the case lies in.
///
/// Encoded as a string: a UUID, a unit code (`qs-police`), or `@territorial`.
public enum UnitReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A unit by its internal id.
    case id(UUID)
    /// A unit by its code.
    case code(String)
    /// Territorial management (属地管理): the street office of the case's street, or the centre of the case's
    /// region when the case lies above street level.
    case territorial

    /// The text form.
    public var description: String {
        switch self {
        case .id(let id): id.uuidString.lowercased()
        case .code(let code): code
        case .territorial: "@territorial"
        }
    }

    /// Parses the text form, or returns `nil`.
    public init?(text: String) {
        if text == "@territorial" {
            self = .territorial
        } else if let id = UUID(uuidString: text) {
            self = .id(id)
        } else if CodeRule.isValid(text) {
            self = .code(text)
        } else {
            return nil
        }
    }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = UnitReference(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a unit id, a unit code or '@territorial'")
        }
        self = reference
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The unit this reference names among `units`, or `nil` (territorial references are resolved by the router).
    public func resolve(in units: [OrgUnit]) -> OrgUnit? {
        switch self {
        case .id(let id): units.first { $0.id == id }
        case .code(let code): units.first { $0.code == code }
        case .territorial: nil
        }
    }
}
