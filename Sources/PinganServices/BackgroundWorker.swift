import Foundation
import Logging
import PinganCore
import PinganStore
import ServiceLifecycle
import Synchronization

/// The background work of a Pingan process (DESIGN "The scheduler"): every `interval` it takes or renews the
/// `background` lease and, while it holds it, fires due escalation steps, takes due accountability-ladder steps and
/// delivers due webhook messages. One process at a time does the work;
/// the effects themselves are keyed so that an overlap never does anything twice.
public struct BackgroundWorker: Service {
    private let env: ServiceEnvironment
    private let webhooks: WebhookService
    private let interval: Duration
    private let holder: String
    /// Whether no case record in the earlier storage form is left (then the pass stops looking).
    private let legacy = Flag()

    private final class Flag: Sendable {
        let value = Mutex(false)
    }

    /// The lease's name in the `leases` table.
    public static let leaseName = "background"

    /// Creates the worker; `holder` names this process in the lease (host and process id by default).
    public init(
        env: ServiceEnvironment, webhooks: WebhookService? = nil, interval: Duration = .seconds(5),
        holder: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID())"
    ) {
        self.env = env
        self.webhooks = webhooks ?? WebhookService(env)
        self.interval = interval
        self.holder = holder
    }

    /// Runs passes until graceful shutdown, then gives the lease up.
    public func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                do {
                    try await pass()
                } catch {
                    env.logger.error("background pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        } onGracefulShutdown: {
        }
        let (name, holder) = (Self.leaseName, holder)
        try? await env.provider.transaction { db in try await LeaseRepository(db).release(name, holder: holder) }
    }

    /// One pass: returns false when another process holds the lease.
    @discardableResult
    public func pass() async throws -> Bool {
        let now = env.clock()
        let (name, holder) = (Self.leaseName, holder)
        let seconds = Double(interval.components.seconds) * 3 + 10
        let held = try await env.provider.transaction { db in
            try await LeaseRepository(db).acquire(name, holder: holder, for: seconds, at: now)
        }
        guard held else { return false }
        let fired = try await EscalationScheduler(env).runOnce(now: now)
        for step in fired {
            env.logger.notice(
                "escalation fired",
                metadata: ["case.number": "\(step.caseNumber)", "step": "\(step.key)", "to": "\(step.recipients)"])
        }
        for number in try await CaseService(env).closeAfterFeedbackPeriod(now: now) {
            env.logger.notice("case closed after the feedback period", metadata: ["case.number": "\(number)"])
        }
        for moved in try await AssessmentService(env).advanceLadder(by: .system("scheduler")) {
            env.logger.notice(
                "accountability ladder advanced",
                metadata: ["case": "\(moved.id)", "step": "\(moved.current?.step.rawValue ?? "")"])
        }
        try await webhooks.deliverDue()
        if !legacy.value.withLock({ $0 }) {
            // Records from before the storage form changed: a few thousand a pass until none is left.
            if try await CaseService(env).rewriteLegacyRecords(limit: 5_000) < 5_000 {
                legacy.value.withLock { $0 = true }
            }
        }
        return true
    }
}
