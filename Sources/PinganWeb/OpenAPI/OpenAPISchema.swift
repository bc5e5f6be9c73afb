import Foundation

/// Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the document, so that every schema is
/// written the same way. Optional Swift fields are left out of `required`: the API omits a `nil` field rather than
/// sending `null`.
enum OpenAPISchema {
    /// A reference to `#/components/schemas/<name>`.
    static func ref(_ name: String, _ description: String? = nil) -> OpenAPIValue {
        var value: OpenAPIValue = ["$ref": .string("#/components/schemas/\(name)")]
        if let description { value = value.merging(["description": .string(description)]) }
        return value
    }

    /// A string, with what it holds.
    static func string(_ description: String? = nil) -> OpenAPIValue {
        described(["type": "string"], description)
    }

    /// A UUID in its text form.
    static func uuid(_ description: String? = nil) -> OpenAPIValue {
        described(["type": "string", "format": "uuid"], description)
    }

    /// A time: ISO 8601 with an offset on input; UTC with milliseconds (`2026-03-01T08:00:00.000Z`) on output.
    static func dateTime(_ description: String? = nil) -> OpenAPIValue {
        described(["type": "string", "format": "date-time"], description)
    }

    /// A whole number.
    static func integer(_ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil) -> OpenAPIValue {
        var value: OpenAPIValue = ["type": "integer"]
        if let minimum { value = value.merging(["minimum": .integer(minimum)]) }
        if let maximum { value = value.merging(["maximum": .integer(maximum)]) }
        return described(value, description)
    }

    /// A number.
    static func number(_ description: String? = nil) -> OpenAPIValue {
        described(["type": "number"], description)
    }

    /// `true` or `false`.
    static func boolean(_ description: String? = nil) -> OpenAPIValue {
        described(["type": "boolean"], description)
    }

    /// A string that is one of the raw values of `type` (less `excluded`), in declaration order.
    static func enumeration<E: CaseIterable & RawRepresentable>(
        _ type: E.Type, excluding excluded: [E] = [], _ description: String? = nil
    ) -> OpenAPIValue where E.RawValue == String, E: Equatable {
        strings(type.allCases.filter { !excluded.contains($0) }.map(\.rawValue), description)
    }

    /// A string that is one of `values`.
    static func strings(_ values: [String], _ description: String? = nil) -> OpenAPIValue {
        described(["type": "string", "enum": .array(values.map { .string($0) })], description)
    }

    /// An array of `items`.
    static func array(_ items: OpenAPIValue, _ description: String? = nil) -> OpenAPIValue {
        described(["type": "array", "items": items], description)
    }

    /// An object with string values (a map), optionally restricting its keys.
    static func map(_ values: OpenAPIValue, keys: [String]? = nil, _ description: String? = nil) -> OpenAPIValue {
        var value: OpenAPIValue = ["type": "object", "additionalProperties": values]
        if let keys { value = value.merging(["propertyNames": strings(keys)]) }
        return described(value, description)
    }

    /// An object with these properties, of which `required` are always present.
    static func object(
        _ properties: [String: OpenAPIValue], required: [String], _ description: String? = nil
    ) -> OpenAPIValue {
        described(
            [
                "type": "object", "properties": .object(properties),
                "required": .array(required.sorted().map { .string($0) }),
            ], description)
    }

    /// An object whose properties are all required but `optional`.
    static func object(
        _ properties: [String: OpenAPIValue], optional: [String] = [], _ description: String? = nil
    ) -> OpenAPIValue {
        object(properties, required: properties.keys.filter { !optional.contains($0) }, description)
    }

    /// A list response: `items` and, when there are more, `next_cursor`.
    static func page(of item: OpenAPIValue, cursor: Bool, _ description: String? = nil) -> OpenAPIValue {
        var properties: [String: OpenAPIValue] = ["items": array(item)]
        if cursor {
            properties["next_cursor"] = string("Pass as `cursor` to get the next page; absent on the last page.")
        }
        return object(properties, required: ["items"], description)
    }

    /// `schema` with a description.
    static func described(_ schema: OpenAPIValue, _ description: String?) -> OpenAPIValue {
        guard let description else { return schema }
        return schema.merging(["description": .string(description)])
    }
}
