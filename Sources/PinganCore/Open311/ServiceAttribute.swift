import Foundation

/// An attribute a service (a category, as Open311 sees it) asks the citizen for (Open311 GeoReport v2 "GET Service
/// Definition"): each category declares the attributes it needs.
public struct ServiceAttribute: Sendable, Equatable, Codable {
    /// The Open311 datatypes.
    public enum Datatype: String, Sendable, Equatable, Codable, CaseIterable {
        /// One line of text.
        case string
        /// A number.
        case number
        /// A W3C ISO 8601 time with an offset.
        case datetime
        /// Several lines of text.
        case text
        /// One key from `values`.
        case singlevaluelist
        /// Any number of keys from `values`.
        case multivaluelist
    }

    /// One choice of a list attribute.
    public struct Value: Sendable, Equatable, Codable {
        /// What the client sends.
        public var key: String
        /// What the citizen reads.
        public var name: String

        /// Creates a choice.
        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }
    }

    /// The attribute's code (`attribute[CODE]` in a POST).
    public var code: String
    /// Whether the citizen answers it (`false`: an informational text only).
    public var variable: Bool
    /// The datatype.
    public var datatype: Datatype
    /// Whether an answer is required.
    public var required: Bool
    /// A hint for the answer.
    public var datatypeDescription: String?
    /// The display position, from 1, unique within the service.
    public var order: Int
    /// The question.
    public var description: String
    /// The choices of a list attribute.
    public var values: [Value]

    /// Creates an attribute.
    public init(
        code: String, variable: Bool = true, datatype: Datatype, required: Bool, datatypeDescription: String? = nil,
        order: Int, description: String, values: [Value] = []
    ) {
        self.code = code
        self.variable = variable
        self.datatype = datatype
        self.required = required
        self.datatypeDescription = datatypeDescription
        self.order = order
        self.description = description
        self.values = values
    }

    /// Every rule the submitted `answers` (code → values; a multivaluelist may repeat) break against `definition`:
    /// unknown codes (`unknown`), missing required answers (`required`), a list key not offered (`unknown_value`),
    /// several values for a single-valued attribute (`single`), a number or time that does not parse (`format`),
    /// text longer than 500 characters for `string` or 4 000 for `text` (`length`). Fields are `attribute[CODE]`.
    public static func violations(
        of answers: [String: [String]], against definition: [ServiceAttribute]
    )
        -> [FieldViolation]
    {
        var violations: [FieldViolation] = []
        let known = Dictionary(definition.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for code in answers.keys.sorted() where known[code]?.variable != true {
            violations.append(
                .init(
                    field: "attribute[\(code)]", rule: "unknown", detail: "this service has no attribute '\(code)'"))
        }
        for attribute in definition.sorted(by: { $0.order < $1.order }) where attribute.variable {
            let field = "attribute[\(attribute.code)]"
            let given = (answers[attribute.code] ?? []).filter { !$0.isEmpty }
            if given.isEmpty {
                if attribute.required {
                    violations.append(.init(field: field, rule: "required", detail: "\(attribute.description) 必填"))
                }
                continue
            }
            violations += attribute.violations(of: given, field: field)
        }
        return violations
    }

    private func violations(of given: [String], field: String) -> [FieldViolation] {
        if datatype != .multivaluelist, given.count > 1 {
            return [.init(field: field, rule: "single", detail: "one value only")]
        }
        var violations: [FieldViolation] = []
        for value in given {
            switch datatype {
            case .number where Double(value) == nil:
                violations.append(.init(field: field, rule: "format", detail: "'\(value)' is not a number"))
            case .datetime where Timestamp.parse(value) == nil:
                violations.append(
                    .init(field: field, rule: "format", detail: "a W3C ISO 8601 time with an offset is required"))
            case .string where value.count > 500, .text where value.count > 4_000:
                violations.append(.init(field: field, rule: "length", detail: "the answer is too long"))
            case .singlevaluelist, .multivaluelist:
                if !values.contains(where: { $0.key == value }) {
                    violations.append(
                        .init(
                            field: field, rule: "unknown_value",
                            detail: "one of: " + values.map(\.key).joined(separator: ", ")))
                }
            default:
                break
            }
        }
        return violations
    }
}
