import Foundation

/// One documented route: its method and path (with `{name}` parameters, as Hummingbird writes them) and the OpenAPI
/// operation object that describes it.
struct OpenAPIOperation: Sendable {
    /// Who may call the operation.
    enum Access: Sendable {
        /// Anyone; credentials are not needed (a bad `Authorization` header is still refused with 401).
        case anyone
        /// A signed-in caller: a bearer token, or the session cookie (plus `X-CSRF-Token` on unsafe methods).
        case signedIn
    }

    /// An HTTP method, lower case as OpenAPI keys it.
    enum Method: String, Sendable, CaseIterable {
        case get, post, put, delete

        /// Whether the method changes state (and so needs the CSRF header with the session cookie).
        var isUnsafe: Bool { self != .get }
    }

    var method: Method
    var path: String
    var operationID: String
    var tag: String
    var summary: String
    var description: String?
    var access: Access = .signedIn
    var parameters: [OpenAPIValue] = []
    /// The JSON request body's schema, if the operation takes one.
    var body: OpenAPIValue?
    var bodyRequired = true
    /// The success responses by status code.
    var responses: [Int: OpenAPIValue]
    /// The problem responses (RFC 9457) the operation can give, beyond 401 and 500, which every operation can.
    var errors: [Int] = []

    /// The operation object.
    var value: OpenAPIValue {
        var operation: [String: OpenAPIValue] = [
            "operationId": .string(operationID), "tags": [.string(tag)], "summary": .string(summary),
        ]
        if let description { operation["description"] = .string(description) }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        var problems = Set(errors + [401, 500])
        if let body {
            operation["requestBody"] = [
                "required": .bool(bodyRequired), "content": ["application/json": ["schema": body]],
            ]
            problems.formUnion([400, 413, 422])
        }
        switch access {
        case .anyone:
            operation["security"] = []
        case .signedIn:
            operation["security"] =
                method.isUnsafe
                ? [["bearerAuth": []], ["sessionCookie": [], "csrfToken": []]]
                : [["bearerAuth": []], ["sessionCookie": []]]
            if method.isUnsafe { problems.insert(403) }
        }
        var all: [String: OpenAPIValue] = [:]
        for (status, response) in responses { all[String(status)] = response }
        for status in problems { all[String(status)] = OpenAPIResponses.problem(status) }
        operation["responses"] = .object(all)
        return .object(operation)
    }
}
