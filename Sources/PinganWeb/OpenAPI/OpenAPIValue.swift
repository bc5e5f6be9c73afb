import Foundation

/// A JSON value of the OpenAPI document, written as Swift literals so that the document reads like the JSON it
/// becomes: `["type": "string", "enum": ["a", "b"]]`.
public indirect enum OpenAPIValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([OpenAPIValue])
    /// An object (encoded with its keys sorted).
    case object([String: OpenAPIValue])
    /// `null`.
    case null

    /// The member `key` of an object; `nil` for anything else or a missing member.
    public subscript(key: String) -> OpenAPIValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The members of an object; empty for anything else.
    public var members: [String: OpenAPIValue] {
        guard case .object(let members) = self else { return [:] }
        return members
    }

    /// The elements of an array; empty for anything else.
    public var elements: [OpenAPIValue] {
        guard case .array(let elements) = self else { return [] }
        return elements
    }

    /// The text of a string; `nil` for anything else.
    public var text: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// This object with `other`'s members added (`other` wins on a clash); non-objects are returned unchanged.
    public func merging(_ other: OpenAPIValue) -> OpenAPIValue {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return self }
        return .object(mine.merging(theirs) { _, new in new })
    }
}

extension OpenAPIValue: Encodable {
    /// Encodes the value as the JSON it stands for.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in members { try container.encode(value, forKey: MemberKey(key)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension OpenAPIValue: ExpressibleByStringLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension OpenAPIValue: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension OpenAPIValue: ExpressibleByBooleanLiteral {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension OpenAPIValue: ExpressibleByArrayLiteral {
    /// An array literal.
    public init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
}

extension OpenAPIValue: ExpressibleByDictionaryLiteral {
    /// An object literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, OpenAPIValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
