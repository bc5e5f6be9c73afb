import Foundation

/// The response objects of the document: JSON successes, empty ones, and the shared problem responses (RFC 9457,
/// `application/problem+json`) that ``ProblemMiddleware`` produces.
enum OpenAPIResponses {
    /// `X-Request-Id`, on every response.
    static let requestIDHeader: OpenAPIValue = ["$ref": "#/components/headers/X-Request-Id"]

    /// A JSON response with `schema`.
    static func json(
        _ description: String, _ schema: OpenAPIValue, headers: [String: OpenAPIValue] = [:]
    ) -> OpenAPIValue {
        [
            "description": .string(description), "content": ["application/json": ["schema": schema]],
            "headers": .object(headers.merging(["X-Request-Id": requestIDHeader]) { mine, _ in mine }),
        ]
    }

    /// A response with a body of another media type.
    static func content(_ description: String, mediaType: String, _ schema: OpenAPIValue) -> OpenAPIValue {
        [
            "description": .string(description), "content": [mediaType: ["schema": schema]],
            "headers": ["X-Request-Id": requestIDHeader],
        ]
    }

    /// A response without a body (204).
    static func empty(_ description: String, headers: [String: OpenAPIValue] = [:]) -> OpenAPIValue {
        [
            "description": .string(description),
            "headers": .object(headers.merging(["X-Request-Id": requestIDHeader]) { mine, _ in mine }),
        ]
    }

    /// The `Location` header of a 201.
    static let location: OpenAPIValue = [
        "description": "The path of the new resource.", "schema": ["type": "string"],
    ]

    /// A reference to the shared problem response for `status`.
    static func problem(_ status: Int) -> OpenAPIValue {
        ["$ref": .string("#/components/responses/\(name(status))")]
    }

    /// The shared problem responses, by name.
    static var components: [String: OpenAPIValue] {
        Dictionary(
            uniqueKeysWithValues: descriptions.map { status, description in
                (name(status), problemResponse(status, description))
            })
    }

    private static let descriptions: [Int: String] = [
        400: "The body is not valid JSON, or a field has the wrong type or is missing (`errors` names it).",
        401: "No valid credentials: sign in, or the token or session is unknown, expired or revoked.",
        403: "The caller's role may not do this, or the session cookie was sent on an unsafe method without the right "
            + "`X-CSRF-Token`.",
        404: "No such resource, or one the caller may not see (answered as 404, not 403, so that another unit's "
            + "objects are not revealed).",
        409: "A conflict: a stale `version` (optimistic lock), a duplicate, or a lifecycle action the case's state "
            + "does not allow (then `allowed` lists the actions allowed now).",
        413: "The request body exceeds the configured limit.",
        422: "The request is well formed but breaks a rule; `errors` names every field and rule at once.",
        423: "The account is locked.",
        429: "Too many failed logins; `retry_after` (and the `Retry-After` header) says how many seconds to wait.",
        500: "The server could not complete the request; quote `request_id` when reporting it. No internal detail "
            + "is given.",
        503: "Not ready: the database cannot be reached.",
    ]

    private static func name(_ status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 409: "Conflict"
        case 413: "ContentTooLarge"
        case 422: "UnprocessableContent"
        case 423: "Locked"
        case 429: "TooManyRequests"
        case 503: "ServiceUnavailable"
        default: "InternalServerError"
        }
    }

    private static func problemResponse(_ status: Int, _ description: String) -> OpenAPIValue {
        var headers: [String: OpenAPIValue] = ["X-Request-Id": requestIDHeader]
        if status == 429 {
            headers["Retry-After"] = [
                "description": "Seconds to wait before trying again.", "schema": ["type": "integer"],
            ]
        }
        return [
            "description": .string(description),
            "content": ["application/problem+json": ["schema": OpenAPISchema.ref("Problem")]],
            "headers": .object(headers),
        ]
    }
}
