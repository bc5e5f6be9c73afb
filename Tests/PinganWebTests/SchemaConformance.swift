import Foundation
import PinganWeb
import Testing

/// Checks a JSON body against a schema of the OpenAPI document, strictly: every key the body has must be
/// documented, every required key present, every value of the documented type and enum. So the document cannot
/// drift from what the API really sends.
struct SchemaConformance {
    let document: [String: Any]

    init() throws {
        document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any])
    }

    /// The schema of the `status` response of `method path` (JSON bodies only).
    func responseSchema(_ method: String, _ path: String, status: Int) throws -> [String: Any] {
        let operation = try #require(
            ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method.lowercased()] as? [String: Any],
            "\(method) \(path) is not documented")
        var response = try #require(
            (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any],
            "\(method) \(path) does not document \(status)")
        if let reference = response["$ref"] as? String {
            response = try #require(OpenAPITests.resolve(reference, in: document) as? [String: Any])
        }
        let content = try #require(response["content"] as? [String: Any])
        let media = try #require(
            (content["application/json"] ?? content["application/problem+json"]) as? [String: Any])
        return try #require(media["schema"] as? [String: Any])
    }

    /// Every way the JSON `body` breaks `schema`, as `path: problem` lines.
    func violations(of body: Data, against schema: [String: Any]) throws -> [String] {
        violations(of: try JSONDecoder().decode(JSONValue.self, from: body), against: schema)
    }

    /// Every way `value` breaks `schema`, as `path: problem` lines.
    func violations(of value: JSONValue, against schema: [String: Any], at path: String = "$") -> [String] {
        var schema = schema
        if let reference = schema["$ref"] as? String {
            guard let target = OpenAPITests.resolve(reference, in: document) as? [String: Any] else {
                return ["\(path): unresolved \(reference)"]
            }
            schema = target
        }
        var problems: [String] = []
        let types: [String] = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String]) ?? []
        if !types.isEmpty, !types.contains(where: { value.matches(type: $0) }) {
            return ["\(path): \(value) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [String], case .string(let text) = value, !allowed.contains(text) {
            problems.append("\(path): '\(text)' is not one of \(allowed)")
        }
        switch value {
        case .object(let object):
            let properties = schema["properties"] as? [String: [String: Any]]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): required '\(key)' is missing")
            }
            for (key, member) in object {
                if let properties {
                    guard let property = properties[key] else {
                        problems.append("\(path): '\(key)' is not documented")
                        continue
                    }
                    problems += violations(of: member, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += violations(of: member, against: additional, at: "\(path).\(key)")
                }
            }
        case .array(let array):
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    problems += violations(of: element, against: items, at: "\(path)[\(index)]")
                }
            }
        default:
            break
        }
        return problems
    }
}

/// A JSON value decoded strictly (a boolean is never a number), for schema checks.
enum JSONValue: Decodable, CustomStringConvertible {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Whether the value is of the JSON Schema `type`.
    func matches(type: String) -> Bool {
        switch (self, type) {
        case (.object, "object"), (.array, "array"), (.string, "string"), (.bool, "boolean"), (.integer, "integer"),
            (.integer, "number"), (.number, "number"), (.null, "null"):
            true
        default:
            false
        }
    }

    var description: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string(let text): "'\(text)'"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .null: "null"
        }
    }
}
