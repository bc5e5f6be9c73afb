import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PinganStore
import Prometheus

/// Liveness, readiness and metrics (issue 2 §8).
struct SystemController {
    let provider: any DatabaseProvider
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<PinganRequestContext>) {
        let databaseUp = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "pingan", subsystem: "database", metricName: "up", unitName: "",
                helpText: "1 when the last readiness check reached the database"),
            labels: [("engine", provider.engine.rawValue)])
        router.get("healthz") { _, _ in StatusDTO(status: "ok") }
        router.get("readyz") { _, context -> StatusDTO in
            do {
                try await provider.ping(timeout: .seconds(2))
                databaseUp.set(1.0)
                return StatusDTO(status: "ready")
            } catch {
                databaseUp.set(0.0)
                context.logger.error("readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
                throw Problem(
                    type: "not-ready", title: "Not ready", status: .serviceUnavailable,
                    detail: "the database cannot be reached")
            }
        }
        let engine = [("engine", provider.engine.rawValue)]
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "pingan", subsystem: "database", metricName: name, unitName: "", helpText: help),
                labels: engine + labels)
        }
        let poolSize = gauge("pool_size", "connections the database provider may hold")
        let readsInUse = gauge("in_use", "operations running on a database connection", [("kind", "read")])
        let transactionsInUse = gauge(
            "in_use", "operations running on a database connection", [("kind", "transaction")])
        let waiting = gauge("waiting", "transactions waiting for SQLite's one writer connection")
        let readsTotal = gauge("operations", "database operations since start", [("kind", "read")])
        let transactionsTotal = gauge("operations", "database operations since start", [("kind", "transaction")])
        router.get("metrics") { _, _ -> Response in
            let statistics = provider.statistics
            poolSize.set(Double(statistics.poolSize))
            readsInUse.set(Double(statistics.readsInUse))
            transactionsInUse.set(Double(statistics.transactionsInUse))
            waiting.set(Double(statistics.transactionsWaiting))
            readsTotal.set(Double(statistics.readsTotal))
            transactionsTotal.set(Double(statistics.transactionsTotal))
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}

struct StatusDTO: ResponseEncodable {
    var status: String
}
