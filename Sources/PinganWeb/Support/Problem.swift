import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PinganCore

/// An RFC 9457 problem document, the body of every error response (`application/problem+json`).
///
/// `type` is a relative URI under `/problems/` naming the kind of problem; `errors` (an extension member, RFC 9457
/// §3.2) lists each field and the rule it broke; `request_id` matches the `X-Request-Id` header and the server log.
struct Problem: Error, Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var requestId: String?
    var errors: [FieldViolation]?
    var allowed: [String]?
    var retryAfter: Int?

    init(
        type: String, title: String, status: HTTPResponse.Status, detail: String, errors: [FieldViolation]? = nil,
        allowed: [String]? = nil, retryAfter: Int? = nil
    ) {
        self.type = "/problems/" + type
        self.title = title
        self.status = status.code
        self.detail = detail
        self.errors = errors
        self.allowed = allowed
        self.retryAfter = retryAfter
    }

    /// The response carrying this problem.
    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == 401 { headers[.wwwAuthenticate] = #"Bearer realm="pingan""# }
        let data = (try? APIJSON.encoder.encode(self)) ?? Data("{}".utf8)
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The problem an error becomes; `nil` for errors that are the server's fault (logged, answered as 500).
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let error as PinganError:
            return from(error)
        case let error as CaseTransitionError:
            return Problem(
                type: "illegal-transition", title: "Not allowed in this state", status: .conflict,
                detail: error.description, allowed: error.allowed.map(\.rawValue))
        case let error as RequestBodyError:
            return from(error.underlying)
        case let error as HTTPError:
            return Problem(
                type: "http", title: error.status.reasonPhrase, status: error.status,
                detail: error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }

    static func from(_ error: PinganError) -> Problem {
        switch error {
        case .invalid(let violations):
            return Problem(
                type: "validation", title: "The request is not valid", status: .unprocessableContent,
                detail: error.description, errors: violations)
        case .notFound:
            return Problem(type: "not-found", title: "Not found", status: .notFound, detail: error.description)
        case .conflict(let field, _):
            return Problem(
                type: "conflict", title: "Conflict", status: .conflict, detail: error.description,
                errors: field.map { [FieldViolation(field: $0, rule: "unique", detail: error.description)] })
        case .unauthenticated:
            return Problem(
                type: "unauthenticated", title: "Authentication required", status: .unauthorized,
                detail: error.description)
        case .forbidden:
            return Problem(type: "forbidden", title: "Forbidden", status: .forbidden, detail: error.description)
        case .throttled(let seconds):
            return Problem(
                type: "throttled", title: "Too many failed logins", status: .tooManyRequests,
                detail: error.description, retryAfter: seconds)
        case .locked:
            return Problem(
                type: "locked", title: "Account locked", status: HTTPResponse.Status(code: 423, reasonPhrase: "Locked"),
                detail: error.description)
        }
    }

    static func from(_ error: DecodingError) -> Problem {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            guard !all.isEmpty else { return "(body)" }
            return all.map { key in key.intValue.map { "[\($0)]" } ?? snakeCase(key.stringValue) }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        let violation: FieldViolation
        switch error {
        case .keyNotFound(let key, let context):
            violation = .init(field: path(context.codingPath, key), rule: "required", detail: "this field is required")
        case .typeMismatch(let type, let context):
            violation = .init(
                field: path(context.codingPath), rule: "type", detail: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            violation = .init(
                field: path(context.codingPath), rule: "required", detail: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            violation = .init(
                field: field, rule: field == "(body)" ? "json" : "format",
                detail: field == "(body)" ? "the body is not valid JSON" : context.debugDescription)
        @unknown default:
            violation = .init(field: "(body)", rule: "json", detail: "the body cannot be read")
        }
        return Problem(
            type: "validation", title: "The request is not valid", status: .badRequest,
            detail: "\(violation.field): \(violation.detail)", errors: [violation])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }

    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
