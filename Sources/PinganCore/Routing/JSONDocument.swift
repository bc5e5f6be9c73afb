import Foundation

/// Decoding of rule documents (routing tables, SLA policies, holiday calendars, escalation policies) with errors that
/// name the field path (`chains[0].steps[2].delay`), as DESIGN principle 2 ("validated documents") requires.
enum JSONDocument {
    /// Decodes `T` from `data`, turning every decoding failure into ``PinganError/invalid(_:)`` with the field path.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(PinganError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw .invalid([violation(for: error)])
        } catch {
            throw .invalid(field: "", rule: "json", detail: "the document is not valid JSON")
        }
    }

    /// Joins coding-path components into `a.b[2].c`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            // Array positions have an integer value and a "Index n" string; dictionary keys such as "2026" may have
            // an integer value too, but their string is the key itself.
            if let index = key.intValue, key.stringValue != String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func violation(for error: DecodingError) -> FieldViolation {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return FieldViolation(field: field, rule: "required", detail: "\(field) is required")
        case .typeMismatch(_, let context):
            return FieldViolation(
                field: path(context.codingPath), rule: "type", detail: "wrong type: \(context.debugDescription)")
        case .valueNotFound(_, let context):
            return FieldViolation(field: path(context.codingPath), rule: "required", detail: "a value is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return FieldViolation(field: "", rule: "json", detail: "the document is not valid JSON")
            }
            return FieldViolation(field: path(context.codingPath), rule: "format", detail: context.debugDescription)
        @unknown default:
            return FieldViolation(field: "", rule: "json", detail: "the document could not be read")
        }
    }
}
