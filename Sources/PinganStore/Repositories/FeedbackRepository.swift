import Foundation
import PinganCore
import SQLKit

/// Citizen feedback (好差评, issue 4 §2): one-time feedback links, stored only as the SHA-256 of their token, and the
/// one rating a case gets.
public struct FeedbackRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Stores the link of `caseID`, replacing an earlier one (the earlier token stops working).
    public func storeLink(caseID: UUID, tokenHash: String, at time: Date, expiresAt: Date) async throws {
        try await deleteLink(caseID: caseID)
        try await db.raw(
            """
            INSERT INTO feedback_links (case_id, token_hash, issued_at, expires_at)
            VALUES (\(bind: caseID.uuidString), \(bind: tokenHash), \(bind: Timestamp.format(time)),
                \(bind: Timestamp.format(expiresAt)))
            """
        ).run()
    }

    /// Deletes the link of `caseID`, if any (the case has been rated another way).
    public func deleteLink(caseID: UUID) async throws {
        try await db.raw("DELETE FROM feedback_links WHERE case_id = \(bind: caseID.uuidString)").run()
    }

    /// Takes the link whose token hashes to `tokenHash`, if it exists and has not expired at `time`: the link is
    /// deleted in the same statement, so a token works once even under concurrent use. Returns the case id.
    public func consumeLink(tokenHash: String, at time: Date) async throws -> UUID? {
        try await db.raw(
            """
            DELETE FROM feedback_links
            WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: Timestamp.format(time))
            RETURNING case_id
            """
        ).first()?.uuid("case_id")
    }

    /// Records the rating of `caseID`; the primary key refuses a second one.
    public func insertRating(
        _ rating: CitizenRating, caseID: UUID, channel: String, ratedBy: String, at time: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO case_ratings (case_id, score, solved, comment, channel, rated_by, rated_at)
            VALUES (\(bind: caseID.uuidString), \(bind: rating.score), \(bind: rating.solved ? 1 : 0),
                \(bind: rating.comment), \(bind: channel), \(bind: ratedBy), \(bind: Timestamp.format(time)))
            """
        ).run()
    }

    /// Whether `caseID` has been rated.
    public func isRated(caseID: UUID) async throws -> Bool {
        try await db.raw("SELECT case_id FROM case_ratings WHERE case_id = \(bind: caseID.uuidString)").first() != nil
    }
}
