import Foundation
import PinganCore
import PinganStore
import SQLKit

/// Citizen feedback (好差评, issue 4 §2, BRIEF §1 "close it with the citizen's feedback"): a one-time link for a
/// resolved case, the citizen's rating through it or through the hotline's call-back staff, and what the rating does
/// to the case (``CitizenRating/outcome``).
///
/// One rating per case. A feedback token is 256 random bits and only its SHA-256 is stored; it works once and
/// expires; an unknown, used or expired token is "not found", whatever the reason, so guessing learns nothing.
public struct FeedbackService: Sendable {
    private let env: ServiceEnvironment
    /// The feedback period after resolution (``PinganCore/CaseFeedback/defaultPeriod``): a link is valid until it
    /// ends, when the background worker closes an unrated case (`CaseService.closeAfterFeedbackPeriod`).
    public let feedbackPeriod: TimeInterval
    /// The supervision (督办) deadline and the new resolution deadline a rejecting rating sets, from the rating.
    public let supervisionPeriod: TimeInterval

    /// Creates the service.
    public init(
        _ env: ServiceEnvironment, feedbackPeriod: TimeInterval = CaseFeedback.defaultPeriod,
        supervisionPeriod: TimeInterval = 7 * 86_400
    ) {
        self.env = env
        self.feedbackPeriod = feedbackPeriod
        self.supervisionPeriod = supervisionPeriod
    }

    /// An issued feedback link: the token is shown once, for the hotline system to send to the citizen.
    public struct Link: Sendable {
        /// The token.
        public var token: String
        /// The case number.
        public var caseNumber: String
        /// When the token stops working.
        public var expiresAt: Date
    }

    /// Issues the feedback link of the resolved case `key` (replacing an earlier one), valid until the feedback
    /// period after the resolution ends. Centre operators and admins.
    public func issueLink(for key: String, by principal: Principal) async throws -> Link {
        let now = env.clock()
        let token = AuthService.newToken()
        let period = feedbackPeriod
        let (number, expiresAt) = try await env.write { db, audit in
            let record = try await Self.ratable(key, by: principal, db: db)
            let resolvedAt = record.resolution?.resolvedAt ?? now
            let expiresAt = resolvedAt.addingTimeInterval(period)
            guard expiresAt > now else {
                throw PinganError.conflict(
                    field: "case", detail: "the feedback period of case \(record.number) has ended")
            }
            try await FeedbackRepository(db).storeLink(
                caseID: record.id, tokenHash: AuthService.hash(token), at: now, expiresAt: expiresAt)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "feedback.link", objectType: "case", objectID: record.number),
                at: now)
            return (record.number, expiresAt)
        }
        return Link(token: token, caseNumber: number, expiresAt: expiresAt)
    }

    /// The citizen rates through the one-time link `token`.
    public func rate(token: String, _ rating: CitizenRating) async throws -> Case {
        if !rating.violations.isEmpty { throw PinganError.invalid(rating.violations) }
        let now = env.clock()
        return try await env.write { db, audit in
            guard
                let caseID = try await FeedbackRepository(db).consumeLink(tokenHash: AuthService.hash(token), at: now),
                let found = try await CaseRepository(db).find(id: caseID)
            else { throw PinganError.notFound(entity: "feedback link", id: "token") }
            return try await record(
                rating, on: found.record, by: .citizen, channel: "link", at: now, db: db, audit: audit)
        }
    }

    /// The hotline's call-back staff (回访) record the citizen's rating of case `key`. Centre operators and admins.
    public func rate(caseKey key: String, _ rating: CitizenRating, by principal: Principal) async throws -> Case {
        if !rating.violations.isEmpty { throw PinganError.invalid(rating.violations) }
        let now = env.clock()
        return try await env.write { db, audit in
            let record = try await Self.ratable(key, by: principal, db: db)
            return try await self.record(
                rating, on: record, by: .user(principal), channel: "callback", at: now, db: db, audit: audit)
        }
    }

    /// The case `key` if `principal` may take feedback on it (may close it) and it is resolved and not yet rated.
    private static func ratable(_ key: String, by principal: Principal, db: any SQLDatabase) async throws -> Case {
        let cases = CaseRepository(db)
        let found: CaseRepository.Stored?
        if let id = UUID(uuidString: key) {
            found = try await cases.find(id: id)
        } else {
            found = try await cases.find(number: key)
        }
        guard let found,
            CasePermissions.maySee(
                found.record, regionPath: found.regionPath, reporterID: found.reporterID, by: principal)
        else { throw PinganError.notFound(entity: "case", id: key) }
        guard CasePermissions.may(.close, on: found.record, by: principal) else {
            throw PinganError.forbidden("only the centre takes feedback on cases")
        }
        return found.record
    }

    /// Records `rating` on `record` and applies its outcome: close with the feedback, or reopen and supervise — all
    /// in the caller's transaction, with one audit entry.
    private func record(
        _ rating: CitizenRating, on record: Case, by actor: ActorRef, channel: String, at now: Date,
        db: any SQLDatabase, audit: AuditLog
    ) async throws -> Case {
        let feedback = FeedbackRepository(db)
        if try await feedback.isRated(caseID: record.id) {
            throw PinganError.conflict(field: "case", detail: "case \(record.number) has already been rated")
        }
        guard record.status == .resolved else {
            throw PinganError.conflict(
                field: "case",
                detail: "only a resolved case is rated; case \(record.number) is \(record.status.rawValue)")
        }
        try await feedback.insertRating(rating, caseID: record.id, channel: channel, ratedBy: actor.auditName, at: now)
        try await feedback.deleteLink(caseID: record.id)
        var changed = record
        var events: [CaseEvent] = []
        switch rating.outcome {
        case .close(let result):
            (changed, events) = try CaseLifecycle.apply(
                .close(feedback: result, afterFeedbackPeriod: false), to: record, by: actor, at: now)
        case .reopenUnderSupervision:
            let deadline = now.addingTimeInterval(supervisionPeriod)
            let (reopened, first) = try CaseLifecycle.apply(
                .reopen(reason: rating.reopenReason, requester: .citizen, deadline: deadline), to: record, by: actor,
                at: now)
            let (supervised, second) = try CaseLifecycle.apply(
                .superviseOn(deadline: deadline, reason: rating.reopenReason), to: reopened, by: actor, at: now)
            (changed, events) = (supervised, first + second)
        }
        guard try await CaseRepository(db).update(changed, expectedVersion: record.version, events: events) else {
            throw PinganError.conflict(field: "version", detail: "the case changed meanwhile; try again")
        }
        try await EscalationScheduler(env).synchronisePlan(for: changed, at: now, on: db)
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "case.rating", objectType: "case", objectID: record.number,
                change: [
                    "score": String(rating.score), "solved": String(rating.solved), "channel": channel,
                    "status": changed.status.rawValue,
                ]),
            at: now)
        return changed
    }
}
