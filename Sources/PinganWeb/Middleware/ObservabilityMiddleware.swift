import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Prometheus

/// The outermost middleware: gives every response an `X-Request-Id`, records request counts and latencies by route
/// for `/metrics`, and logs each request with its id.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = PinganRequestContext

    let registry: PrometheusCollectorRegistry

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "pingan", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests by method, route template and status")
    }

    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "pingan", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "HTTP request latency by method and route template")
    }

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(
            descriptor: Self.requests,
            labels: [("method", method), ("route", route), ("status", String(response.status.code))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration, labels: [("method", method), ("route", route)],
            buckets: Self.buckets
        ).record(elapsed)
        response.headers[.requestID] = context.id
        context.logger.debug(
            "request",
            metadata: [
                "method": "\(method)", "route": "\(route)", "status": "\(response.status.code)",
                "ms": "\(elapsed.components.attoseconds / 1_000_000_000_000_000 + elapsed.components.seconds * 1000)",
            ])
        return response
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: the id of the request in Pingan's log and problem documents.
    static let requestID = Self("X-Request-Id")!
    /// `X-CSRF-Token`: required with cookie authentication on unsafe methods.
    static let csrfToken = Self("X-CSRF-Token")!
}
