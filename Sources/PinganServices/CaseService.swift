import Foundation
import Logging
import PinganCore
import PinganStore
import SQLKit

/// The case ledger's use cases (issue 3): intake, reading with scopes, the lifecycle actions with optimistic
/// locking, the timeline, and the parties' personal data through one audited door (BRIEF §6).
public struct CaseService: Sendable {
    private let env: ServiceEnvironment
    private let policies: PolicyService

    /// The prefix of case numbers (`PA-2026-000123`).
    public let numberPrefix: String
    /// How long parties' personal data is kept after intake before it is purged.
    public let partyRetention: TimeInterval
    /// How many cases the duplicate check at intake compares: the newest open ones of the same category in the same
    /// or a neighbouring region within the suggester's window. An operator sees the best five; a neighbourhood rarely
    /// has fifty open cases of one category in a week, and when it does (a mass complaint), the newest are the ones
    /// to merge into. Halving it from 100 saved about a third of the server's CPU per intake at 100,000 cases
    /// (docs/PERFORMANCE.md, "Case ledger").
    static let duplicateCandidateLimit = 50

    /// Creates the service. `sla` and `calendar` are the shipped defaults, in force until an administrator stores
    /// versions of their own (``PolicyService``).
    public init(
        _ env: ServiceEnvironment, numberPrefix: String = "PA", sla: SLAPolicy = .defaultPolicy,
        calendar: WorkCalendar? = try? .chinaMainland(), partyRetention: TimeInterval = 3 * 366 * 86_400
    ) {
        self.env = env
        self.numberPrefix = numberPrefix
        self.policies = PolicyService(env, shipped: .init(sla: sla, escalation: .defaultPolicy, calendar: calendar))
        self.partyRetention = partyRetention
    }

    /// A party to a case (当事人): personal data, sealed at rest and never written to logs or the audit log.
    public struct Party: Sendable, Codable, Equatable {
        /// `applicant`, `respondent` or `other`.
        public var role: String
        /// Name.
        public var name: String
        /// Phone number.
        public var phone: String?
        /// Identity document number.
        public var idNumber: String?
        /// E-mail address (given by citizens through Open311).
        public var email: String?

        /// Creates a party.
        public init(role: String, name: String, phone: String? = nil, idNumber: String? = nil, email: String? = nil) {
            self.role = role
            self.name = name
            self.phone = phone
            self.idNumber = idNumber
            self.email = email
        }
    }

    /// What an intake sends.
    public struct NewCase: Sendable {
        /// The draft.
        public var draft: CaseDraft
        /// The parties, if any.
        public var parties: [Party]

        /// Creates the request.
        public init(draft: CaseDraft, parties: [Party] = []) {
            self.draft = draft
            self.parties = parties
        }
    }

    /// What intake answers: the case, how its deadlines were set, and possible duplicates.
    public struct Intake: Sendable {
        /// The new case.
        public var record: Case
        /// The new case in the API's JSON form, as stored (``WireJSON``): what a response can send without encoding it
        /// again.
        public var recordJSON: String
        /// The SLA explanation, when the policy set the deadlines.
        public var deadlineExplanation: String?
        /// Recent similar cases an operator may want to merge.
        public var duplicates: [DuplicateSuggestion]
    }

    /// Opens a case (受理). Deadlines the caller leaves out come from the SLA policy and the holiday calendar.
    /// `alongside` runs in the same transaction after the case is stored (a channel's own records, e.g. Open311's
    /// location and attribute answers), so the case and those records commit together or not at all.
    public func create(
        _ request: NewCase, by principal: Principal,
        alongside: (@Sendable (any SQLDatabase, Case) async throws -> Void)? = nil
    ) async throws -> Intake {
        guard CasePermissions.mayCreate(principal) else { throw PinganError.forbidden("you may not open cases") }
        var draft = request.draft
        draft.hasParties = !request.parties.isEmpty
        let partyViolations = Self.violations(request.parties)
        let now = env.clock()
        let directory = try await env.directory()
        var explanation: String?
        if draft.deadline == nil || draft.acceptDeadline == nil {
            let (sla, calendar) = (policies.slaPolicy(directory), policies.calendar(directory))
            if let calendar,
                let deadlines = try? sla.deadlines(
                    kind: draft.kind, category: draft.categoryCode, level: draft.level, receivedAt: now,
                    calendar: calendar)
            {
                draft.deadline = draft.deadline ?? deadlines.resolveBy
                draft.acceptDeadline = draft.acceptDeadline ?? deadlines.acceptBy
                explanation = deadlines.explanation
                let year = CalendarDay(containing: deadlines.resolveBy, in: calendar.timeZone).year
                if calendar.isProvisional(year) {
                    explanation? += "(\(year)年节假日为暂定安排,以国务院办公厅通知为准)"
                }
            }
        }
        var violations = draft.violations(at: now) + partyViolations
        // Category and region are checked against the directory (as of its generation; the foreign keys of `cases`
        // still refuse a region deleted meanwhile).
        if !directory.activeCategories.contains(draft.categoryCode) {
            violations.append(
                .init(
                    field: "category_code", rule: "not_found",
                    detail: "there is no active category '\(draft.categoryCode)'"))
        }
        let region = directory.regionsByCode[draft.regionCode]
        if region == nil {
            violations.append(
                .init(field: "region_code", rule: "not_found", detail: "there is no region '\(draft.regionCode)'"))
        }
        guard violations.isEmpty, let region else { throw PinganError.invalid(violations) }
        if !principal.has(.admin), !AccessPolicy.isWithin(region.path, scope: principal.regionPath) {
            throw PinganError.invalid(
                field: "region_code", rule: "scope", detail: "the region lies outside your unit's area")
        }
        let sealed =
            request.parties.isEmpty
            ? nil
            : try FieldSealer(key: env.keys.fieldEncryption).seal(
                String(decoding: try JSONEncoder().encode(request.parties), as: UTF8.self))
        let (prefix, retention, year, intake) = (numberPrefix, partyRetention, Self.year(of: now), draft)
        let actor = ActorRef.user(principal)
        // The duplicate candidates are read beside the write, not inside it: the writer (one on SQLite) is held only
        // for the statements that store the case. Only the region's neighbourhood is read (the suggester drops every
        // other region), newest first, at most `duplicateCandidateLimit`.
        let (suggester, neighbourhood) = (DuplicateSuggester(), RegionProximity.neighbourhood(of: region.path))
        async let recent = env.provider.read { db in
            try await CaseRepository(db).duplicateCandidates(
                category: intake.categoryCode, neighbourhood: neighbourhood,
                since: now.addingTimeInterval(-suggester.window), limit: Self.duplicateCandidateLimit)
        }
        let (record, recordJSON) = try await env.write(keepsDirectory: true) { db, audit in
            let cases = CaseRepository(db)
            let sequence = try await cases.nextSequence(prefix: prefix, year: year)
            let number = try CaseNumber.format(prefix: prefix, year: year, sequence: sequence)
            let (record, events) = try CaseLifecycle.open(intake, id: UUID(), number: number, by: actor, at: now)
            let json = try await cases.insert(
                record, regionPath: region.path, reporterID: principal.userID, events: events)
            if let sealed {
                try await cases.storeParties(
                    caseID: record.id, sealed: sealed, at: now, purgeAfter: now.addingTimeInterval(retention))
            }
            try await alongside?(db, record)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "case.create", objectType: "case", objectID: record.number,
                    change: [
                        "kind": record.kind.rawValue, "category": record.categoryCode, "region": record.regionCode,
                        "level": record.level.rawValue, "parties": String(request.parties.count),
                    ]),
                at: now)
            return (record, json)
        }
        let probe = DuplicateProbe(
            categoryCode: record.categoryCode, regionPath: region.path,
            text: record.title + " " + record.description, at: now)
        // The case is stored and committed by now: a failed read of the candidates must not answer an error (a
        // client retrying would open the case twice), so the intake answers without suggestions and the log says why.
        let candidates: [DuplicateCandidate]
        do {
            candidates = try await recent.filter { $0.caseID != record.id }
        } catch {
            env.logger.warning(
                "duplicate candidates not read", metadata: ["case": "\(record.number)", "error": "\(error)"])
            candidates = []
        }
        let suggestions = suggester.suggestions(for: probe, among: candidates)
        return Intake(
            record: record, recordJSON: recordJSON, deadlineExplanation: explanation, duplicates: suggestions)
    }

    /// The case with `id` or number `key`, if the caller may see it.
    public func find(_ key: String, by principal: Principal) async throws -> Case {
        try await stored(key, by: principal).record
    }

    /// A page of the ledger within the caller's scope.
    public func list(
        _ query: CaseRepository.Query, by principal: Principal
    ) async throws
        -> (cases: [Case], next: (key: String, id: UUID)?)
    {
        let scoped = Self.scoped(query, to: principal)
        return try await env.provider.read { db in try await CaseRepository(db).list(scoped) }
    }

    /// The same page as the API's JSON texts, one per case (``CaseRepository/listJSON(_:)``).
    public func listJSON(
        _ query: CaseRepository.Query, by principal: Principal
    ) async throws -> (cases: [String], next: (key: String, id: UUID)?) {
        let scoped = Self.scoped(query, to: principal)
        return try await env.provider.read { db in try await CaseRepository(db).listJSON(scoped) }
    }

    /// `query` limited to what `principal` may see (the same rule as ``CasePermissions/maySee``).
    private static func scoped(_ query: CaseRepository.Query, to principal: Principal) -> CaseRepository.Query {
        var query = query
        if !principal.has(.admin) {
            if principal.has(.operator) || principal.has(.leader) || principal.has(.analyst)
                || principal.has(.assessor)
            {
                query.scopeRegionPath = principal.regionPath
            }
            query.scopeUnitIDs = [principal.unitID]
            query.scopeReporterID = principal.userID
        }
        return query
    }

    /// The counts of the caller's cases matching `query` per status, kind, level and unit, with the overdue ones at
    /// the time of the call: the dashboard (态势).
    public func tally(_ query: CaseRepository.Query, by principal: Principal) async throws -> [CaseRepository.Tally] {
        let (scoped, now) = (Self.scoped(query, to: principal), env.clock())
        return try await env.provider.read { db in try await CaseRepository(db).tally(scoped, now: now) }
    }

    /// How many of the caller's cases were created in each UTC hour (`2026-11-22T03`) since `since`.
    public func createdPerHour(since: Date, by principal: Principal) async throws -> [String: Int] {
        let scoped = Self.scoped(CaseRepository.Query(), to: principal)
        return try await env.provider.read { db in try await CaseRepository(db).createdPerHour(scoped, since: since) }
    }

    /// How many timeline events of `type` happened on the caller's cases in each UTC hour since `since`, by the
    /// case's current level (escalations, resolutions).
    public func eventsPerHour(
        _ type: CaseEventType, since: Date, by principal: Principal
    ) async throws -> [(hour: String, level: WarningLevel, count: Int)] {
        let scoped = Self.scoped(CaseRepository.Query(), to: principal)
        return try await env.provider.read { db in
            try await CaseRepository(db).eventsPerHour(type, scoped, since: since)
        }
    }

    /// The timeline of a case the caller may see.
    public func events(_ key: String, by principal: Principal) async throws -> [CaseEvent] {
        let found = try await stored(key, by: principal)
        return try await env.provider.read { db in try await CaseRepository(db).events(caseID: found.record.id) }
    }

    /// Applies a lifecycle action, if the caller may take it and the case is still at `expectedVersion`.
    public func apply(
        _ action: CaseAction, to key: String, expectedVersion: Int, by principal: Principal
    )
        async throws -> Case
    {
        let now = env.clock()
        let escalation = EscalationScheduler(env)
        return try await env.write(keepsDirectory: true) { db, audit in
            let cases = CaseRepository(db)
            guard let found = try await Self.lookup(key, in: cases),
                CasePermissions.maySee(
                    found.record, regionPath: found.regionPath, reporterID: found.reporterID, by: principal)
            else { throw PinganError.notFound(entity: "case", id: key) }
            guard CasePermissions.may(action.name, on: found.record, by: principal) else {
                throw PinganError.forbidden("your role may not \(action.name.rawValue) this case")
            }
            if found.record.version != expectedVersion {
                throw PinganError.conflict(
                    field: "version",
                    detail: "the case changed since version \(expectedVersion); it is now at \(found.record.version)")
            }
            try await Self.checkReferences(action, db: db)
            let (changed, events) = try CaseLifecycle.apply(action, to: found.record, by: .user(principal), at: now)
            guard try await cases.update(changed, expectedVersion: expectedVersion, events: events) else {
                throw PinganError.conflict(field: "version", detail: "the case changed meanwhile; reload it")
            }
            try await escalation.synchronisePlan(for: changed, at: now, on: db)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "case.\(action.name.rawValue)", objectType: "case",
                    objectID: changed.number,
                    change: ["status": changed.status.rawValue, "version": String(changed.version)]),
                at: now)
            return changed
        }
    }

    /// Closes every case resolved at least `period` before `now` that got no feedback meanwhile (结案, feedback
    /// `none`), as the system; returns the numbers closed. Each case closes in its own transaction with its version
    /// checked, so a citizen's rating or a reopening that lands first wins, and a second process closes nothing twice.
    @discardableResult
    public func closeAfterFeedbackPeriod(
        now: Date? = nil, period: TimeInterval = CaseFeedback.defaultPeriod, limit: Int = 5_000
    ) async throws -> [String] {
        let now = now ?? env.clock()
        let candidates = try await env.provider.read { db in try await CaseRepository(db).resolved(limit: limit) }
        var closed: [String] = []
        for candidate in candidates.map(\.record) {
            guard let resolvedAt = candidate.resolution?.resolvedAt, resolvedAt.addingTimeInterval(period) <= now
            else { continue }
            let done = try await env.write { db, audit -> Bool in
                let (changed, events) = try CaseLifecycle.apply(
                    .close(feedback: .none, afterFeedbackPeriod: true), to: candidate, by: .system("closer"), at: now)
                guard try await CaseRepository(db).update(changed, expectedVersion: candidate.version, events: events)
                else { return false }
                try await audit.append(
                    AuditRecord(
                        actor: "system:closer", action: "case.close", objectType: "case", objectID: changed.number,
                        change: ["status": changed.status.rawValue, "feedback": "none"]),
                    at: now)
                return true
            }
            if done { closed.append(candidate.number) }
        }
        return closed
    }

    /// Rewrites case records stored before records took the API's JSON form (see ``CaseRepository/listJSON(_:)``), in
    /// batches of `batch` per transaction, at most `limit` in all; answers how many were rewritten. Lists stay correct
    /// meanwhile (old records are converted as they are read), only slower.
    @discardableResult
    public func rewriteLegacyRecords(batch: Int = 500, limit: Int = .max) async throws -> Int {
        var total = 0
        while total < limit {
            let size = min(batch, limit - total)
            let found = try await env.provider.transaction { db in
                try await CaseRepository(db).rewriteLegacyRecords(limit: size)
            }
            total += found
            if found < size { break }
        }
        return total
    }

    /// Merges (并单) the case `sourceKey` into `targetKey`: the source becomes merged, the target is the one worked,
    /// both timelines are kept. Both versions are checked, both cases change in one transaction.
    public func merge(
        _ sourceKey: String, into targetKey: String, reason: String, sourceVersion: Int, targetVersion: Int,
        by principal: Principal
    ) async throws -> (source: Case, target: Case) {
        let now = env.clock()
        return try await env.write { db, audit in
            let cases = CaseRepository(db)
            var found: [CaseRepository.Stored] = []
            for (key, field) in [(sourceKey, "case"), (targetKey, "into")] {
                guard let stored = try await Self.lookup(key, in: cases),
                    CasePermissions.maySee(
                        stored.record, regionPath: stored.regionPath, reporterID: stored.reporterID, by: principal)
                else {
                    throw PinganError.invalid(field: field, rule: "not_found", detail: "there is no case '\(key)'")
                }
                found.append(stored)
            }
            let (source, target) = (found[0].record, found[1].record)
            guard CasePermissions.may(.mergeInto, on: source, by: principal) else {
                throw PinganError.forbidden("your role may not merge cases")
            }
            for (record, expected, field) in [
                (source, sourceVersion, "version"), (target, targetVersion, "into_version"),
            ]
            where record.version != expected {
                throw PinganError.conflict(
                    field: field, detail: "case \(record.number) is at version \(record.version), not \(expected)")
            }
            let merged = try CaseLifecycle.merge(source, into: target, reason: reason, by: .user(principal), at: now)
            for (record, expected) in [(merged.source, sourceVersion), (merged.target, targetVersion)] {
                let events = merged.events.filter { $0.caseID == record.id }
                guard try await cases.update(record, expectedVersion: expected, events: events) else {
                    throw PinganError.conflict(field: "version", detail: "a case changed meanwhile; reload it")
                }
            }
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "case.merge", objectType: "case", objectID: source.number,
                    change: ["into": target.number]),
                at: now)
            return (merged.source, merged.target)
        }
    }

    /// The parties of a case, for the units handling it only; every read is audited (BRIEF §6).
    public func parties(_ key: String, by principal: Principal) async throws -> [Party] {
        let found = try await stored(key, by: principal)
        guard CasePermissions.mayReadParties(of: found.record, regionPath: found.regionPath, by: principal) else {
            throw PinganError.forbidden("only the units handling this case may see its parties")
        }
        let now = env.clock()
        let sealed = try await env.write { db, audit in
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "party.read", objectType: "case",
                    objectID: found.record.number),
                at: now)
            return try await CaseRepository(db).sealedParties(caseID: found.record.id)
        }
        guard let sealed else { return [] }
        let plain = try FieldSealer(key: env.keys.fieldEncryption).open(sealed)
        return try JSONDecoder().decode([Party].self, from: Data(plain.utf8))
    }

    /// The active categories.
    public func categories() async throws -> [(code: String, domain: String, nameZh: String, nameEn: String)] {
        try await env.provider.read { db in try await CaseRepository(db).categories() }
    }

    private func stored(_ key: String, by principal: Principal) async throws -> CaseRepository.Stored {
        let found = try await env.provider.read { db in try await Self.lookup(key, in: CaseRepository(db)) }
        guard let found,
            CasePermissions.maySee(
                found.record, regionPath: found.regionPath, reporterID: found.reporterID, by: principal)
        else { throw PinganError.notFound(entity: "case", id: key) }
        return found
    }

    private static func lookup(_ key: String, in cases: CaseRepository) async throws -> CaseRepository.Stored? {
        if let id = UUID(uuidString: key) { return try await cases.find(id: id) }
        return try await cases.find(number: key)
    }

    /// Units named by an action must exist.
    private static func checkReferences(_ action: CaseAction, db: any SQLDatabase) async throws {
        var ids: [(String, UUID)] = []
        switch action {
        case .assign(let unit, _, let participants, _, _, _):
            ids.append(("unit_id", unit))
            ids += participants.enumerated().map { ("participant_ids[\($0.offset)]", $0.element) }
        case .designateLead(let unit, _):
            ids.append(("unit_id", unit))
        default:
            break
        }
        var violations: [FieldViolation] = []
        for (field, id) in ids where try await UnitRepository(db).find(id: id) == nil {
            violations.append(.init(field: field, rule: "not_found", detail: "there is no unit \(id.uuidString)"))
        }
        if !violations.isEmpty { throw PinganError.invalid(violations) }
    }

    private static func violations(_ parties: [Party]) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        if parties.count > 50 {
            violations.append(.init(field: "parties", rule: "length", detail: "at most 50 parties"))
        }
        for (index, party) in parties.enumerated() {
            if !["applicant", "respondent", "other"].contains(party.role) {
                violations.append(
                    .init(
                        field: "parties[\(index)].role", rule: "unknown_value",
                        detail: "a role is applicant, respondent or other"))
            }
            if party.name.trimmingCharacters(in: .whitespaces).isEmpty || party.name.count > 100 {
                violations.append(
                    .init(field: "parties[\(index)].name", rule: "length", detail: "a name of 1 to 100 characters"))
            }
            if let phone = party.phone,
                !(5...20).contains(phone.count)
                    || !phone.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == " " })
            {
                violations.append(
                    .init(field: "parties[\(index)].phone", rule: "format", detail: "a phone number of 5 to 20 digits"))
            }
            if let email = party.email, email.count > 254 {
                violations.append(
                    .init(field: "parties[\(index)].email", rule: "length", detail: "at most 254 characters"))
            }
            if let id = party.idNumber, id.count > 40 {
                violations.append(
                    .init(field: "parties[\(index)].id_number", rule: "length", detail: "at most 40 characters"))
            }
        }
        return violations
    }

    private static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        return calendar.component(.year, from: date)
    }
}
