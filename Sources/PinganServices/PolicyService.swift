import Foundation
import PinganCore
import PinganStore
import SQLKit

/// The rule documents an administrator edits (DESIGN principle 2, "Rules are data"; issue 3 §4–5): the SLA policy
/// (时限), the escalation policy (预警升级规则) and the working-day calendar (工作日历). Each is a validated JSON
/// document stored as versions in `policies`; the newest is in force, and before any is stored the shipped default
/// is. (The routing table is the fourth kind, kept by ``RoutingService``.)
///
/// What a new version changes: intake uses the SLA policy and calendar in force at that moment; a case's escalation
/// plan keeps the policy version it started under, so only cases that get a plan afterwards follow a new escalation
/// policy — editing a policy never rewrites a running chain.
public struct PolicyService: Sendable {
    private let env: ServiceEnvironment
    private let shipped: Shipped

    /// The documents in force before an administrator stores one.
    public struct Shipped: Sendable {
        /// The SLA policy.
        public var sla: SLAPolicy
        /// The escalation policy.
        public var escalation: EscalationPolicy
        /// The working-day calendar (nil: none, so working-day deadlines cannot be computed).
        public var calendar: WorkCalendar?

        /// Creates the set.
        public init(sla: SLAPolicy, escalation: EscalationPolicy, calendar: WorkCalendar?) {
            self.sla = sla
            self.escalation = escalation
            self.calendar = calendar
        }

        /// BRIEF §1–2 as shipped: the default SLA and escalation policies and China's calendar.
        public static let standard = Shipped(
            sla: .defaultPolicy, escalation: .defaultPolicy, calendar: try? .chinaMainland())
    }

    /// The kinds of document this service keeps.
    public enum Kind: String, Sendable, CaseIterable {
        /// The SLA policy.
        case sla
        /// The escalation policy.
        case escalation
        /// The working-day calendar.
        case calendar
    }

    /// A version of a document.
    public struct Version: Sendable {
        /// The kind.
        public var kind: Kind
        /// The version (the shipped default counts as its own document's version).
        public var version: Int
        /// The document as canonical JSON (sorted keys).
        public var document: Data
        /// When and by whom it was stored; nil for the shipped default.
        public var createdAt: Date?
        /// Who stored it (an audit name); nil for the shipped default.
        public var createdBy: String?

        /// Whether this is the shipped default rather than a stored version.
        public var isShipped: Bool { createdAt == nil }

        init(kind: Kind, version: Int, document: Data, createdAt: Date?, createdBy: String?) {
            self.kind = kind
            self.version = version
            self.document = document
            self.createdAt = createdAt
            self.createdBy = createdBy
        }

        init(_ kind: Kind, _ stored: PolicyRepository.Stored) {
            self.init(
                kind: kind, version: stored.version, document: Data(stored.document.utf8),
                createdAt: stored.createdAt, createdBy: stored.createdBy)
        }
    }

    /// Creates the service over `env` with the shipped defaults `shipped`.
    public init(_ env: ServiceEnvironment, shipped: Shipped = .standard) {
        self.env = env
        self.shipped = shipped
    }

    /// The document of `kind` in force.
    public func current(_ kind: Kind) async throws -> Version {
        try await env.provider.read { db in try await inForce(kind, db: db) }
    }

    /// The stored versions of `kind`, newest first (documents included; at most 100).
    public func history(_ kind: Kind) async throws -> [Version] {
        try await env.provider.read { db in
            try await PolicyRepository(db).versions(kind.rawValue).map { Version(kind, $0) }
        }
    }

    /// Validates `json` as a document of `kind` and stores it as the next version; administrators only. The version
    /// inside the document is set to the stored version (so step keys and explanations name it), and the next version
    /// is always above the shipped default's.
    public func replace(_ kind: Kind, json: Data, by actor: Actor) async throws -> Version {
        try actor.require(AccessPolicy.canManageOrganisation, "edit \(kind.rawValue) policies")
        let now = env.clock()
        return try await env.write { db, audit in
            let policies = PolicyRepository(db)
            let floor = try await inForce(kind, db: db).version
            let next = max(try await policies.current(kind.rawValue)?.version ?? 0, floor) + 1
            let (document, summary) = try Self.validated(kind, json: json, version: next)
            try await policies.append(kind.rawValue, version: next, document: document, by: actor.auditName, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "policy.\(kind.rawValue).replace", objectType: "policy",
                    objectID: kind.rawValue, change: summary.merging(["version": String(next)]) { $1 }),
                at: now)
            return Version(
                kind: kind, version: next, document: Data(document.utf8), createdAt: now, createdBy: actor.auditName)
        }
    }

    /// Loads one year of the working-day calendar (typically the State Council's notice for the coming year) into
    /// the calendar in force, replacing that year if present, and stores the result as the next version.
    public func loadCalendarYear(_ year: Int, _ entry: WorkCalendar.Year, by actor: Actor) async throws -> Version {
        try actor.require(AccessPolicy.canManageOrganisation, "edit the working-day calendar")
        guard (1900...2999).contains(year) else {
            throw PinganError.invalid(field: "year", rule: "format", detail: "a year is a 4-digit year such as 2027")
        }
        let base = try await env.provider.read { db in try await inForce(.calendar, db: db) }
        var document = try JSONDecoder().decode(WorkCalendar.Document.self, from: base.document)
        document.years[String(year)] = entry
        return try await replace(.calendar, json: try JSONEncoder.sorted.encode(document), by: actor)
    }

    /// The chain a case of `level` would follow under the escalation policy in force.
    public func escalationPreview(level: WarningLevel) async throws -> (version: Int, steps: [EscalationPreviewStep]) {
        let policy = escalationPolicy(try await env.directory())
        return (policy.version, policy.preview(level: level))
    }

    // MARK: - In force, for the other services

    /// The SLA policy in force as of `directory` (the cached reading of the stored documents).
    func slaPolicy(_ directory: Directory) -> SLAPolicy { directory.sla ?? shipped.sla }

    /// The escalation policy in force as of `directory`.
    func escalationPolicy(_ directory: Directory) -> EscalationPolicy { directory.escalation ?? shipped.escalation }

    /// The working-day calendar in force as of `directory`.
    func calendar(_ directory: Directory) -> WorkCalendar? { directory.calendar ?? shipped.calendar }

    private func inForce(_ kind: Kind, db: any SQLDatabase) async throws -> Version {
        if let stored = try await PolicyRepository(db).current(kind.rawValue) { return Version(kind, stored) }
        let document: Data
        let version: Int
        switch kind {
        case .sla:
            (document, version) = (try JSONEncoder.sorted.encode(shipped.sla), shipped.sla.version)
        case .escalation:
            (document, version) = (try JSONEncoder.sorted.encode(shipped.escalation), shipped.escalation.version)
        case .calendar:
            guard let calendar = shipped.calendar else {
                throw PinganError.notFound(entity: "policy", id: kind.rawValue)
            }
            (document, version) = (try JSONEncoder.sorted.encode(calendar.document), calendar.document.version)
        }
        return Version(kind: kind, version: version, document: document, createdAt: nil, createdBy: nil)
    }

    /// Validates `json` as `kind` with its version set to `version`; answers the canonical document and a summary for
    /// the audit log.
    private static func validated(
        _ kind: Kind, json: Data, version: Int
    ) throws -> (document: String, summary: [String: String]) {
        let encoded: Data
        let summary: [String: String]
        switch kind {
        case .sla:
            var policy = try SLAPolicy.load(json: json)
            policy.version = version
            (encoded, summary) = (try JSONEncoder.sorted.encode(policy), ["rules": String(policy.rules.count)])
        case .escalation:
            var policy = try EscalationPolicy.load(json: json)
            policy.version = version
            (encoded, summary) = (try JSONEncoder.sorted.encode(policy), ["chains": String(policy.chains.count)])
        case .calendar:
            var document = try WorkCalendar.load(json: json).document
            document.version = version
            _ = try WorkCalendar(document: document)
            (encoded, summary) = (
                try JSONEncoder.sorted.encode(document),
                ["years": document.years.keys.sorted().joined(separator: ",")]
            )
        }
        return (String(decoding: encoded, as: UTF8.self), summary)
    }
}
