import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one webhook POST and reports the receiver's status. A protocol so that delivery logic is tested without
/// the network, and the real transport against a real receiver on loopback.
public protocol WebhookTransport: Sendable {
    /// POSTs `body` to `url` with `headers`; returns the HTTP status, or throws when no answer came.
    func post(url: String, headers: [String: String], body: Data, timeout: TimeInterval) async throws -> Int
}

/// The transport over Foundation's URLSession (libcurl on Linux): no extra dependency.
public struct URLSessionWebhookTransport: WebhookTransport {
    /// Creates the transport.
    public init() {}

    /// See ``WebhookTransport/post(url:headers:body:timeout:)``.
    public func post(url: String, headers: [String: String], body: Data, timeout: TimeInterval) async throws -> Int {
        guard let target = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
