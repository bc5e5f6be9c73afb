import Foundation

/// Builders for path and query parameters.
enum OpenAPIParameter {
    /// A required path parameter (`{name}` in the path).
    static func path(
        _ name: String, _ description: String, schema: OpenAPIValue = OpenAPISchema.string()
    )
        -> OpenAPIValue
    {
        [
            "name": .string(name), "in": "path", "required": true, "description": .string(description),
            "schema": schema,
        ]
    }

    /// An optional query parameter.
    static func query(_ name: String, _ description: String, schema: OpenAPIValue) -> OpenAPIValue {
        [
            "name": .string(name), "in": "query", "required": false, "description": .string(description),
            "schema": schema,
        ]
    }

    /// An optional query parameter that may be repeated (`status=a&status=b`); values may also be comma-separated.
    static func repeated(_ name: String, _ description: String, items: OpenAPIValue) -> OpenAPIValue {
        [
            "name": .string(name), "in": "query", "required": false,
            "description": .string(description + " Repeat the parameter or separate values with commas."),
            "schema": OpenAPISchema.array(items), "style": "form", "explode": true,
        ]
    }
}
