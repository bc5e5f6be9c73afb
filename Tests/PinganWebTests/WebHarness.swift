import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PinganServices
import PinganStore
import PinganTestSupport
import PinganWeb
import Testing

/// Runs the real application in process on a fresh database with the demo district.
struct WebHarness {
    let client: any TestClientProtocol
    let env: ServiceEnvironment
    let clock: TestClock

    static func run(
        engine: TestEngine = .sqlite, maxBodyBytes: Int = 1_048_576,
        _ body: @escaping @Sendable (WebHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.with(engine) { provider in
            let clock = TestClock()
            let env = TestEnvironment.make(provider, clock: clock)
            try await TestEnvironment.loadDemo(env)
            let router = buildRouter(env: env, settings: WebSettings(maxBodyBytes: maxBodyBytes))
            let app = Application(router: router)
            try await app.test(.router) { client in
                try await body(WebHarness(client: client, env: env, clock: clock))
            }
        }
    }

    /// Sends a request with an optional bearer token and JSON body.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Logs in as a demo user and returns the bearer token.
    func login(_ username: String, password: String = TestEnvironment.password) async throws -> String {
        let response = try await send(
            .post, "/api/v1/auth/token", json: #"{"username": "\#(username)", "password": "\#(password)"}"#)
        try #require(response.status == .created, "login of \(username) answered \(response.status)")
        let token = try #require(try response.json()["token"] as? String)
        return token
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        let data = Data(body.readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not a JSON object")
    }

    /// The `errors` member of a problem document as (field, rule) pairs.
    func violations() throws -> [String] {
        let errors = try json()["errors"] as? [[String: Any]] ?? []
        return errors.map { "\($0["field"] as? String ?? "?"):\($0["rule"] as? String ?? "?")" }
    }

    var text: String { String(buffer: body) }
}
