import Foundation
import PinganCore
import PinganStore
import SQLKit

/// Assessment (考核, BRIEF §4; issue 7): scoring the items of a list activated for a period and subject region — by
/// an assessor or from the ledger — recording incidents whose deductions follow from the negative list, appeals, the
/// units' scorecards and ranking; and the accountability ladder with its consequence windows.
///
/// An assessment is named by its period, subject region and list version, and the version must be activated there.
/// Assessors (and admins) score, record incidents, decide appeals and run the ladder; a unit's handlers and leaders
/// file appeals against its scores; anyone who may see a unit may read its scorecard and eligibility.
public struct AssessmentService: Sendable {
    private let env: ServiceEnvironment
    /// The accountability ladder's rules.
    public let policy: LadderPolicy
    /// The centre's calendar (Asia/Shanghai): periods, deadlines and windows are counted in it.
    public let calendar: Calendar

    /// The service on `env` with `policy`.
    public init(_ env: ServiceEnvironment, policy: LadderPolicy = .standard) {
        self.env = env
        self.policy = policy
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        self.calendar = calendar
    }

    /// Names an assessment: period ("2025-Q2"), subject region code and list version id.
    public struct Key: Sendable, Equatable {
        /// The period.
        public var period: String
        /// The subject region's code.
        public var regionCode: String
        /// The list version's id.
        public var listID: String

        /// Creates a key.
        public init(period: String, regionCode: String, listID: String) {
            self.period = period
            self.regionCode = regionCode
            self.listID = listID
        }
    }

    /// A resolved assessment.
    struct Context: Sendable {
        var period: AssessmentPeriod
        var region: Region
        var stored: ListRepository.Stored
        var unitNames: [String: UUID]
    }

    /// What an assessor enters for a manual score.
    public struct ManualScore: Sendable {
        /// The item's key ("一/1").
        public var itemKey: String
        /// The lead unit scored (code), or nil for the subject as a whole.
        public var unitCode: String?
        /// Points earned.
        public var points: Decimal
        /// Why.
        public var comment: String
        /// Evidence files by hash.
        public var evidence: [ItemScore.Evidence]

        /// Creates the input.
        public init(
            itemKey: String, unitCode: String? = nil, points: Decimal, comment: String,
            evidence: [ItemScore.Evidence] = []
        ) {
            self.itemKey = itemKey
            self.unitCode = unitCode
            self.points = points
            self.comment = comment
            self.evidence = evidence
        }
    }

    /// What is recorded for an incident.
    public struct IncidentInput: Sendable {
        /// When it happened.
        public var occurredAt: Date
        /// The region it happened in (within the subject).
        public var regionCode: String
        /// The unit it is counted against (code).
        public var unitCode: String
        /// The kind.
        public var kind: String
        /// The severity, as the entry's rule names it.
        public var severity: String?
        /// Persons concerned.
        public var persons: Int
        /// What happened.
        public var description: String
        /// The case it came from.
        public var sourceCase: String?
        /// The negative-list entry's key.
        public var entryKey: String

        /// Creates the input.
        public init(
            occurredAt: Date, regionCode: String, unitCode: String, kind: String, severity: String? = nil,
            persons: Int = 0, description: String, sourceCase: String? = nil, entryKey: String
        ) {
            self.occurredAt = occurredAt
            self.regionCode = regionCode
            self.unitCode = unitCode
            self.kind = kind
            self.severity = severity
            self.persons = persons
            self.description = description
            self.sourceCase = sourceCase
            self.entryKey = entryKey
        }
    }

    // MARK: Scoring

    /// Binds an item of a list version to a ledger indicator with a scoring function (an automatic item).
    public func bind(listID: String, itemKey: String, _ binding: MetricBinding, by actor: Actor) async throws {
        try actor.require(Self.mayAssess, "bind assessment items")
        try binding.function.validate(field: "function")
        let now = env.clock()
        try await env.write { db, audit in
            guard let id = UUID(uuidString: listID), let stored = try await ListRepository(db).find(id: id) else {
                throw PinganError.notFound(entity: "responsibility_list", id: listID)
            }
            guard stored.list.scorableItems.contains(where: { $0.key == itemKey }) else {
                throw Self.unknownItem(itemKey, in: stored.list)
            }
            try await AssessmentRepository(db).bind(listID: id, itemKey: itemKey, binding, by: actor.auditName, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "assessment.bind", objectType: "responsibility_list",
                    objectID: listID, change: ["item": itemKey, "indicator": binding.indicator.rawValue]),
                at: now)
        }
    }

    /// Records an assessor's score of an item, with comment and evidence hashes; audited (`assessment.score`).
    public func score(_ key: Key, _ input: ManualScore, by actor: Actor) async throws -> ItemScore {
        try actor.require(Self.mayAssess, "score items")
        let now = env.clock()
        return try await env.write { db, audit in
            let context = try await self.context(key, db: db, actor: actor)
            guard let scorable = context.stored.list.scorableItems.first(where: { $0.key == input.itemKey }) else {
                throw Self.unknownItem(input.itemKey, in: context.stored.list)
            }
            var unitID: UUID?
            if let code = input.unitCode {
                guard let unit = try await UnitRepository(db).find(code: code),
                    scorable.leadUnits.contains(where: { context.unitNames[$0] == unit.id })
                else {
                    throw PinganError.invalid(
                        field: "unit", rule: "not_lead",
                        detail: "unit '\(code)' is not a lead unit of item \(input.itemKey)")
                }
                unitID = unit.id
            }
            let score = ItemScore(
                id: UUID(), listID: context.stored.id, listVersion: context.stored.version, period: context.period,
                regionCode: context.region.code, itemKey: scorable.key, unitID: unitID, points: input.points,
                maximum: scorable.item.points ?? 0, source: .manual(comment: input.comment, evidence: input.evidence),
                setBy: actor.auditName, setAt: now)
            try score.validate()
            try await AssessmentRepository(db).insert(score)
            try await audit.append(Self.auditRecord(score, action: "assessment.score"), at: now)
            return score
        }
    }

    /// Scores every automatic item of the assessment from the ledger, once per lead unit (the unit's cases over the
    /// period, as seen now); each score is stored with its explanation and audited. Returns the scores.
    public func scoreAutomatically(_ key: Key, by actor: Actor) async throws -> [ItemScore] {
        try actor.require(Self.mayAssess, "score items")
        let now = env.clock()
        let zone = calendar.timeZone
        return try await env.write { db, audit in
            let context = try await self.context(key, db: db, actor: actor)
            let bindings = try await AssessmentRepository(db).bindings(listID: context.stored.id)
            let ledgerPeriod = try LedgerPeriod(from: context.period.start(in: zone), to: context.period.end(in: zone))
            var query = CaseHistoryRepository.Query(createdBefore: ledgerPeriod.to)
            query.regionPath = context.region.path
            let histories = try await CaseHistoryRepository(db).histories(query)
            var scores: [ItemScore] = []
            for scorable in context.stored.list.scorableItems {
                guard let binding = bindings[scorable.key] else { continue }
                let units = Array(Set(scorable.leadUnits.compactMap { context.unitNames[$0] })).sorted {
                    $0.uuidString < $1.uuidString
                }
                for unitID in units {
                    let metrics = LedgerMetrics.compute(histories, scope: .unit(unitID), period: ledgerPeriod, now: now)
                    let maximum = scorable.item.points ?? 0
                    let result = binding.score(maximum: maximum, metrics: metrics)
                    let score = ItemScore(
                        id: UUID(), listID: context.stored.id, listVersion: context.stored.version,
                        period: context.period, regionCode: context.region.code, itemKey: scorable.key, unitID: unitID,
                        points: result.points, maximum: maximum,
                        source: .automatic(binding: binding, value: result.value, explanation: result.explanation),
                        setBy: actor.auditName, setAt: now)
                    try await AssessmentRepository(db).insert(score)
                    try await audit.append(Self.auditRecord(score, action: "assessment.score_automatic"), at: now)
                    scores.append(score)
                }
            }
            return scores
        }
    }

    /// Records an incident against a negative-list entry; audited (`assessment.incident`). When the unit's major
    /// incidents now reach the ladder's trigger, an accountability case is opened in the same transaction.
    public func recordIncident(
        _ key: Key, _ input: IncidentInput, by actor: Actor
    ) async throws
        -> (incident: Incident, opened: AccountabilityCase?)
    {
        try actor.require(Self.mayAssess, "record incidents")
        let now = env.clock()
        let policy = self.policy
        let calendar = self.calendar
        return try await env.write { db, audit in
            let context = try await self.context(key, db: db, actor: actor)
            guard let unit = try await UnitRepository(db).find(code: input.unitCode) else {
                throw PinganError.invalid(
                    field: "unit", rule: "not_found", detail: "there is no unit '\(input.unitCode)'")
            }
            guard let region = try await RegionRepository(db).find(code: input.regionCode),
                AccessPolicy.isWithin(region.path, scope: context.region.path)
            else {
                throw PinganError.invalid(
                    field: "region", rule: "not_found",
                    detail: "region '\(input.regionCode)' is not in the subject region \(context.region.code)")
            }
            let zone = calendar.timeZone
            guard context.period.start(in: zone) <= input.occurredAt, input.occurredAt < context.period.end(in: zone)
            else {
                throw PinganError.invalid(
                    field: "occurred_at", rule: "period", detail: "the incident must fall within \(context.period)")
            }
            let incident = Incident(
                id: UUID(), occurredAt: input.occurredAt, regionCode: region.code, unitID: unit.id, kind: input.kind,
                severity: input.severity, persons: input.persons, description: input.description,
                sourceCase: input.sourceCase, entryKey: input.entryKey, recordedBy: actor.auditName, recordedAt: now)
            try incident.validate(against: context.stored.list)
            let repository = AssessmentRepository(db)
            try await repository.insert(
                incident, listID: context.stored.id, period: context.period.description,
                subjectRegionCode: context.region.code)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "assessment.incident", objectType: "incident",
                    objectID: incident.id.uuidString,
                    change: [
                        "unit": unit.code, "entry": incident.entryKey, "severity": incident.severity ?? "",
                        "occurred_at": Timestamp.format(incident.occurredAt),
                    ]),
                at: now)
            let since = incident.occurredAt - Double(policy.majorIncidentDays) * 86_400
            let recent = try await repository.incidents(unitID: unit.id, since: since)
            guard
                let trigger = LadderTriggers.majorIncidents(recent, now: max(now, incident.occurredAt), policy: policy),
                case .majorIncidents(_, _, let ids) = trigger
            else { return (incident, nil) }
            let opened = AccountabilityCase.open(
                id: UUID(), unitID: unit.id, trigger: trigger, by: actor.auditName, at: now, policy: policy,
                calendar: calendar)
            let triggerKey = "incidents:" + ids.map(\.uuidString).sorted().joined(separator: ",")
            guard try await repository.open(opened, triggerKey: triggerKey) else { return (incident, nil) }
            try await audit.append(Self.auditRecord(opened, action: "ladder.open", unitCode: unit.code), at: now)
            return (incident, opened)
        }
    }

    /// Files an appeal (申诉) against a score, by a handler or leader of the unit scored (or of a lead unit of the
    /// item, for a subject-wide score); audited (`assessment.appeal`).
    public func fileAppeal(scoreID: String, reason: String, by principal: Principal) async throws -> Appeal {
        let now = env.clock()
        return try await env.write { db, audit in
            let repository = AssessmentRepository(db)
            guard let id = UUID(uuidString: scoreID), let score = try await repository.score(id: id) else {
                throw PinganError.notFound(entity: "score", id: scoreID)
            }
            guard principal.has(.handler) || principal.has(.leader) || principal.has(.admin) else {
                throw PinganError.forbidden("only the unit's handlers and leaders file appeals")
            }
            let ownUnit: Bool
            if let unitID = score.unitID {
                ownUnit = unitID == principal.unitID
            } else {
                // A subject-wide score: the appellant's unit must lead the item.
                let stored = try await ListRepository(db).find(id: score.listID)
                let leads = stored?.list.scorableItems.first { $0.key == score.itemKey }?.leadUnits ?? []
                let ids = Set(stored?.unitMatches.filter { leads.contains($0.name) }.compactMap(\.unitID) ?? [])
                ownUnit = ids.contains(principal.unitID)
            }
            guard ownUnit || principal.has(.admin) else { throw PinganError.notFound(entity: "score", id: scoreID) }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw PinganError.invalid(field: "reason", rule: "required", detail: "say why the score is wrong")
            }
            let appeal = Appeal(
                id: UUID(), scoreID: score.id, unitID: score.unitID ?? principal.unitID, reason: reason,
                filedBy: principal.username, filedAt: now)
            try await repository.save(appeal)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "assessment.appeal", objectType: "appeal",
                    objectID: appeal.id.uuidString, change: ["score": score.id.uuidString, "item": score.itemKey]),
                at: now)
            return appeal
        }
    }

    /// Decides an appeal; an upheld one stores the new score, set by the deciding assessor with the decision on
    /// record. Audited (`assessment.appeal_decide`).
    public func decideAppeal(
        id appealID: String, upheld: Bool, points: Decimal?, note: String, by actor: Actor
    ) async throws -> (appeal: Appeal, score: ItemScore?) {
        try actor.require(Self.mayAssess, "decide appeals")
        let now = env.clock()
        return try await env.write { db, audit in
            let repository = AssessmentRepository(db)
            guard let id = UUID(uuidString: appealID), let appeal = try await repository.appeal(id: id),
                let score = try await repository.score(id: appeal.scoreID)
            else { throw PinganError.notFound(entity: "appeal", id: appealID) }
            let (decided, changed) = try appeal.decide(
                upheld: upheld, points: points, note: note, against: score, by: actor.auditName, at: now,
                newScoreID: UUID())
            try await repository.save(decided)
            if let changed { try await repository.insert(changed) }
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "assessment.appeal_decide", objectType: "appeal",
                    objectID: appealID,
                    change: [
                        "upheld": String(upheld), "points": changed.map { "\($0.points)" } ?? "",
                        "score": changed?.id.uuidString ?? "",
                    ]),
                at: now)
            return (decided, changed)
        }
    }

    // MARK: Reading

    /// The scorecard of the unit with `unitCode` in the assessment.
    public func scorecard(_ key: Key, unitCode: String, by actor: Actor) async throws -> (Scorecard, OrgUnit) {
        try await env.provider.read { db in
            let context = try await self.context(key, db: db, actor: actor)
            let units = UnitRepository(db)
            guard let unit = try await units.find(code: unitCode),
                let path = try await units.regionPath(unitID: unit.id),
                Self.may(actor, { AccessPolicy.canSee(unitID: unit.id, regionPath: path, by: $0) })
            else { throw PinganError.notFound(entity: "unit", id: unitCode) }
            return (try await self.cards(context, db: db, unitIDs: [unit.id])[0], unit)
        }
    }

    /// The ranking of every unit that leads an item of the list, with at least `minimumScoredItems` scored items.
    public func ranking(
        _ key: Key, minimumScoredItems: Int, by actor: Actor
    ) async throws
        -> (AssessmentRanking, [UUID: OrgUnit])
    {
        try await env.provider.read { db in
            let context = try await self.context(key, db: db, actor: actor)
            let ids = Self.leadUnitIDs(context)
            var units: [UUID: OrgUnit] = [:]
            for id in ids { units[id] = try await UnitRepository(db).find(id: id) }
            let cards = try await self.cards(context, db: db, unitIDs: ids)
            return (AssessmentRanking(cards, minimumScoredItems: minimumScoredItems), units)
        }
    }

    /// Every lead unit's scorecard, in the list's order of first mention.
    public func scorecards(_ key: Key, by actor: Actor) async throws -> [(Scorecard, OrgUnit)] {
        try await env.provider.read { db in
            let context = try await self.context(key, db: db, actor: actor)
            var result: [(Scorecard, OrgUnit)] = []
            let ids = Self.leadUnitIDs(context)
            for card in try await self.cards(context, db: db, unitIDs: ids) {
                guard let unit = try await UnitRepository(db).find(id: card.unitID) else { continue }
                result.append((card, unit))
            }
            return result
        }
    }

    /// Concludes the assessment: every lead unit whose scorecard is below the pass mark enters the ladder at 通报
    /// (once per unit, period, region and list). Returns the cases opened now.
    public func conclude(_ key: Key, by actor: Actor) async throws -> [AccountabilityCase] {
        try actor.require(Self.mayAssess, "conclude assessments")
        let now = env.clock()
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.write { db, audit in
            let context = try await self.context(key, db: db, actor: actor)
            var opened: [AccountabilityCase] = []
            for card in try await self.cards(context, db: db, unitIDs: Self.leadUnitIDs(context)) {
                guard let trigger = LadderTriggers.failedAssessment(card, period: context.period, policy: policy) else {
                    continue
                }
                let item = AccountabilityCase.open(
                    id: UUID(), unitID: card.unitID, trigger: trigger, by: actor.auditName, at: now, policy: policy,
                    calendar: calendar)
                let triggerKey =
                    "failed:\(card.unitID.uuidString):\(context.period):\(context.region.code):\(context.stored.title)"
                guard try await AssessmentRepository(db).open(item, triggerKey: triggerKey) else { continue }
                let code = try await UnitRepository(db).find(id: card.unitID)?.code ?? card.unitID.uuidString
                try await audit.append(Self.auditRecord(item, action: "ladder.open", unitCode: code), at: now)
                opened.append(item)
            }
            return opened
        }
    }

    // MARK: The ladder

    /// The accountability cases of a unit (or all, for admins and assessors), advanced to now in the answer.
    public func accountabilityCases(unitCode: String?, by actor: Actor) async throws -> [AccountabilityCase] {
        let now = env.clock()
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.provider.read { db in
            var unitID: UUID?
            if let unitCode {
                unitID = try await self.visibleUnit(unitCode, db: db, actor: actor).id
            } else {
                try actor.require(Self.mayAssess, "list every accountability case")
            }
            return try await AssessmentRepository(db).accountabilityCases(unitID: unitID).map { item in
                var item = item
                item.advance(to: now, policy: policy, calendar: calendar)
                return item
            }
        }
    }

    /// Takes every ladder step that has fallen due (a rectification overdue) and stores it, audited
    /// (`ladder.advance`); the scheduler or `pingan assessments ladder run-once` calls it. Returns the cases moved.
    public func advanceLadder(by actor: Actor) async throws -> [AccountabilityCase] {
        try actor.require(Self.mayAssess, "advance the accountability ladder")
        let now = env.clock()
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.write { db, audit in
            var moved: [AccountabilityCase] = []
            let repository = AssessmentRepository(db)
            for var item in try await repository.accountabilityCases(unitID: nil) where item.closedAt == nil {
                let added = item.advance(to: now, policy: policy, calendar: calendar)
                guard !added.isEmpty else { continue }
                try await repository.update(item)
                try await audit.append(
                    AuditRecord(
                        actor: actor.auditName, action: "ladder.advance", objectType: "accountability_case",
                        objectID: item.id.uuidString,
                        change: ["steps": added.map(\.step.rawValue).joined(separator: ",")]),
                    at: now)
                moved.append(item)
            }
            return moved
        }
    }

    /// Opens a case by hand for strongly reported problems left unanswered.
    public func openForUnansweredProblems(
        unitCode: String, description: String, by actor: Actor
    ) async throws
        -> AccountabilityCase
    {
        try actor.require(Self.mayAssess, "open accountability cases")
        guard !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PinganError.invalid(field: "description", rule: "required", detail: "describe the problems")
        }
        let now = env.clock()
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.write { db, audit in
            guard let unit = try await UnitRepository(db).find(code: unitCode) else {
                throw PinganError.invalid(field: "unit", rule: "not_found", detail: "there is no unit '\(unitCode)'")
            }
            let item = AccountabilityCase.open(
                id: UUID(), unitID: unit.id, trigger: .unansweredProblems(description), by: actor.auditName, at: now,
                policy: policy, calendar: calendar)
            _ = try await AssessmentRepository(db).open(item, triggerKey: "manual:\(item.id.uuidString)")
            try await audit.append(Self.auditRecord(item, action: "ladder.open", unitCode: unit.code), at: now)
            return item
        }
    }

    /// Records an aggravating or mitigating circumstance on a case; audited (`ladder.circumstance`).
    public func recordCircumstance(
        caseID: String, _ kind: AccountabilityCase.Circumstance.Kind, note: String, by actor: Actor
    ) async throws -> AccountabilityCase {
        try await change(caseID, action: "ladder.circumstance", detail: ["kind": kind.rawValue], by: actor) {
            item, now, policy, calendar in
            try item.record(kind, note: note, by: actor.auditName, at: now, policy: policy, calendar: calendar)
        }
    }

    /// Records a rectification result (整改结果) on a case; an accepted one closes it. Audited (`ladder.rectify`).
    public func recordRectification(
        caseID: String, note: String, accepted: Bool, by actor: Actor
    ) async throws
        -> AccountabilityCase
    {
        try await change(caseID, action: "ladder.rectify", detail: ["accepted": String(accepted)], by: actor) {
            item, now, policy, calendar in
            try item.rectify(
                note: note, accepted: accepted, by: actor.auditName, at: now, policy: policy, calendar: calendar)
        }
    }

    /// Whether the unit with `unitCode` is eligible for honours (and awards, promotion) on `date`, and if not, why.
    public func eligibility(
        unitCode: String, on date: Date, by actor: Actor
    ) async throws -> (HonoursEligibility, OrgUnit) {
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.provider.read { db in
            let unit = try await self.visibleUnit(unitCode, db: db, actor: actor)
            let cases = try await AssessmentRepository(db).accountabilityCases(unitID: unit.id)
            return (HonoursEligibility.on(date, cases: cases, policy: policy, calendar: calendar), unit)
        }
    }

    // MARK: Helpers

    private func change(
        _ caseID: String, action: String, detail: [String: String], by actor: Actor,
        _ body: @escaping @Sendable (inout AccountabilityCase, Date, LadderPolicy, Calendar) throws -> Void
    ) async throws -> AccountabilityCase {
        try actor.require(Self.mayAssess, "change accountability cases")
        let now = env.clock()
        let (policy, calendar) = (self.policy, self.calendar)
        return try await env.write { db, audit in
            let repository = AssessmentRepository(db)
            guard let id = UUID(uuidString: caseID), var item = try await repository.accountabilityCase(id: id) else {
                throw PinganError.notFound(entity: "accountability_case", id: caseID)
            }
            try body(&item, now, policy, calendar)
            try await repository.update(item)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: action, objectType: "accountability_case", objectID: caseID,
                    change: detail.merging(["step": item.current?.step.rawValue ?? ""]) { $1 }),
                at: now)
            return item
        }
    }

    private func context(_ key: Key, db: any SQLDatabase, actor: Actor) async throws -> Context {
        let period = try AssessmentPeriod(parsing: key.period)
        guard let region = try await RegionRepository(db).find(code: key.regionCode) else {
            throw PinganError.notFound(entity: "region", id: key.regionCode)
        }
        if case .user(let principal) = actor, !principal.has(.admin),
            !AccessPolicy.isWithin(region.path, scope: principal.regionPath),
            !principal.regionPath.hasPrefix(region.path)
        {
            throw PinganError.notFound(entity: "region", id: key.regionCode)
        }
        let lists = ListRepository(db)
        guard let id = UUID(uuidString: key.listID), let stored = try await lists.find(id: id) else {
            throw PinganError.notFound(entity: "responsibility_list", id: key.listID)
        }
        let active = try await lists.activations(period: period.description, regionCode: region.code)
        guard active.contains(where: { $0.listID == stored.id }) else {
            throw PinganError.invalid(
                field: "list", rule: "not_active",
                detail:
                    "version \(stored.version) of “\(stored.title)” is not activated for \(period) in \(region.code)")
        }
        var names: [String: UUID] = [:]
        for match in stored.unitMatches { if let id = match.unitID { names[match.name] = id } }
        return Context(period: period, region: region, stored: stored, unitNames: names)
    }

    private func cards(_ context: Context, db: any SQLDatabase, unitIDs: [UUID]) async throws -> [Scorecard] {
        let repository = AssessmentRepository(db)
        let scores = try await repository.scores(
            period: context.period.description, regionCode: context.region.code, listID: context.stored.id)
        let incidents = try await repository.incidents(
            period: context.period.description, regionCode: context.region.code, listID: context.stored.id)
        return unitIDs.map { id in
            Scorecard.build(
                unitID: id, list: context.stored.list, listID: context.stored.id, unitNames: context.unitNames,
                scores: scores, incidents: incidents)
        }
    }

    private func visibleUnit(_ code: String, db: any SQLDatabase, actor: Actor) async throws -> OrgUnit {
        let units = UnitRepository(db)
        guard let unit = try await units.find(code: code), let path = try await units.regionPath(unitID: unit.id),
            Self.may(actor, { AccessPolicy.canSee(unitID: unit.id, regionPath: path, by: $0) })
        else { throw PinganError.notFound(entity: "unit", id: code) }
        return unit
    }

    private static func leadUnitIDs(_ context: Context) -> [UUID] {
        var seen: Set<UUID> = []
        var ids: [UUID] = []
        for scorable in context.stored.list.scorableItems {
            for name in scorable.leadUnits {
                if let id = context.unitNames[name], seen.insert(id).inserted { ids.append(id) }
            }
        }
        return ids
    }

    private static func unknownItem(_ key: String, in list: ResponsibilityList) -> PinganError {
        .invalid(
            field: "item", rule: "not_found",
            detail: "the list has no item '\(key)'; items: "
                + list.scorableItems.prefix(20).map(\.key).joined(separator: ", "))
    }

    private static func auditRecord(_ score: ItemScore, action: String) -> AuditRecord {
        AuditRecord(
            actor: score.setBy, action: action, objectType: "score", objectID: score.id.uuidString,
            change: [
                "period": score.period.description, "region": score.regionCode, "list": score.listID.uuidString,
                "list_version": String(score.listVersion), "item": score.itemKey,
                "unit": score.unitID?.uuidString ?? "", "points": "\(score.points)",
            ])
    }

    private static func auditRecord(_ item: AccountabilityCase, action: String, unitCode: String) -> AuditRecord {
        AuditRecord(
            actor: item.openedBy, action: action, objectType: "accountability_case", objectID: item.id.uuidString,
            change: ["unit": unitCode, "trigger": item.trigger.description, "step": item.current?.step.rawValue ?? ""])
    }

    static func mayAssess(_ principal: Principal) -> Bool {
        principal.has(.admin) || principal.has(.assessor)
    }

    private static func may(_ actor: Actor, _ rule: (Principal) -> Bool) -> Bool {
        guard case .user(let principal) = actor else { return true }
        return rule(principal)
    }
}
