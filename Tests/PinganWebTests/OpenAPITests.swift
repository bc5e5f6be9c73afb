import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PinganServices
import PinganTestSupport
import PinganWeb
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The document as a client sees it: parsed JSON.
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any])
    }

    /// Every documented operation as `METHOD /path`.
    static func documentedRoutes(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, item in item.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteTheRouterRegistersIsDocumentedAndNothingElse() async throws {
        try await TestDatabase.with(.sqlite) { provider in
            // setup
            let router = buildRouter(env: TestEnvironment.make(provider), settings: WebSettings())
            // act
            // The Open311 server follows the GeoReport v2 specification (its own formats and errors), not this
            // document; Open311Tests hold it to that specification. The workbench's HTML pages are not API
            // operations either. Both are excluded explicitly, and only those.
            let pages = workbenchRoutes(env: TestEnvironment.make(provider))
            let registered = Set(
                router.routes.filter { !$0.path.description.hasPrefix("/open311/") }
                    .map { "\($0.method.rawValue) \($0.path)" }
            ).subtracting(pages)
            let documented = try Self.documentedRoutes(try Self.document())
            // verify
            #expect(registered.count > 40)
            #expect(pages.contains("GET /work") && pages.allSatisfy { !$0.contains("/api/") })
            #expect(registered.subtracting(documented).sorted() == [], "routes without documentation")
            #expect(documented.subtracting(registered).sorted() == [], "documented routes the router lacks")
        }
    }

    @Test func theDocumentIsStructurallyOpenAPI31() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let info = try #require(document["info"] as? [String: Any])
        #expect(info["title"] as? String == "Pingan API")
        #expect(info["version"] as? String != nil)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operationIDs: [String] = []
        for (path, item) in paths {
            #expect(path.hasPrefix("/"))
            let placeholders = Self.placeholders(in: path)
            for (method, value) in item {
                #expect(["get", "post", "put", "delete", "patch"].contains(method), "\(path): \(method)")
                let operation = try #require(value as? [String: Any], "\(method) \(path)")
                operationIDs.append(try #require(operation["operationId"] as? String, "\(method) \(path)"))
                let responses = try #require(operation["responses"] as? [String: Any], "\(method) \(path)")
                #expect(!responses.isEmpty, "\(method) \(path) has no responses")
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) has no success")
                #expect(responses["500"] != nil, "\(method) \(path) does not document 500")
                let parameters = operation["parameters"] as? [[String: Any]] ?? []
                let inPath = Set(
                    parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                #expect(inPath == placeholders, "\(method) \(path): path parameters \(inPath) ≠ \(placeholders)")
                for parameter in parameters where parameter["in"] as? String == "path" {
                    #expect(parameter["required"] as? Bool == true)
                }
                #expect(operation["security"] != nil, "\(method) \(path) says nothing of security")
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count, "operationIds are not unique")
        let unresolved = Self.references(in: document).filter { Self.resolve($0, in: document) == nil }
        #expect(unresolved == [], "references that do not resolve")
        let schemes = try #require(
            (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])
        #expect(Set(schemes.keys) == ["bearerAuth", "sessionCookie", "csrfToken"])
    }

    @Test func theProblemSchemaHasEveryMemberTheMiddlewareWrites() throws {
        let document = try Self.document()
        let problem = try #require(Self.resolve("#/components/schemas/Problem", in: document) as? [String: Any])
        let properties = try #require(problem["properties"] as? [String: Any])
        #expect(
            Set(properties.keys) == [
                "type", "title", "status", "detail", "instance", "request_id", "errors", "allowed", "retry_after",
            ])
        let violation = try #require(
            Self.resolve("#/components/schemas/FieldViolation", in: document) as? [String: Any])
        #expect(Set(((violation["properties"] as? [String: Any]) ?? [:]).keys) == ["field", "rule", "detail"])
        let notFound = try #require(
            Self.resolve("#/components/responses/NotFound", in: document) as? [String: Any])
        #expect((notFound["content"] as? [String: Any])?["application/problem+json"] != nil)
    }

    @Test func theDocumentIsServedToAnyone() async throws {
        try await WebHarness.run { harness in
            let response = try await harness.send(.get, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(try response.json()["openapi"] as? String == "3.1.0")
        }
    }

    @Test func theCaseFiltersListTheValuesTheParserAccepts() throws {
        let document = try Self.document()
        let list = try #require(
            ((document["paths"] as? [String: Any])?["/api/v1/cases"] as? [String: Any])?["get"] as? [String: Any])
        let parameters = try #require(list["parameters"] as? [[String: Any]])
        func values(_ name: String) -> Set<String> {
            let schema = parameters.first { $0["name"] as? String == name }?["schema"] as? [String: Any]
            let items = (schema?["items"] as? [String: Any]) ?? schema
            return Set(items?["enum"] as? [String] ?? [])
        }
        #expect(values("status") == ["received", "assigned", "in_progress", "resolved", "closed", "merged"])
        #expect(values("sort") == ["newest", "oldest", "deadline"])
        #expect(values("source").contains("hotline"))
        #expect(values("level").isSuperset(of: ["level1", "red"]))
    }

    // MARK: helpers

    static func placeholders(in path: String) -> Set<String> {
        Set(
            path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map {
                String($0.dropFirst().dropLast())
            })
    }

    /// Every `$ref` in `value`.
    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            let own = (object["$ref"] as? String).map { [$0] } ?? []
            return own + object.values.flatMap { references(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { references(in: $0) } }
        return []
    }

    /// The target of a local reference (`#/a/b`), or nil.
    static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = document
        for token in reference.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = current as? [String: Any], let next = object[key] else { return nil }
            current = next
        }
        return current
    }
}
