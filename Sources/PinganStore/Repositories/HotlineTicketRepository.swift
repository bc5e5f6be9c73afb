import Foundation
import PinganCore
import SQLKit

/// The 12345 work orders imported so far (issue 4 §3): ticket number → case, with the fields last imported, so that a
/// re-import updates the case instead of duplicating it and an unchanged row changes nothing.
public struct HotlineTicketRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// What is stored for a ticket.
    public struct Stored: Sendable, Equatable {
        /// The case it opened.
        public var caseID: UUID
        /// The fields last imported.
        public var fields: [String: String]
    }

    /// The ticket `number`, if imported before.
    public func find(_ number: String) async throws -> Stored? {
        guard let row = try await db.raw("SELECT * FROM hotline_tickets WHERE ticket_number = \(bind: number)").first()
        else { return nil }
        return Stored(
            caseID: try row.uuid("case_id"),
            fields: try JSONDecoder().decode([String: String].self, from: Data(try row.string("fields").utf8)))
    }

    /// Records a newly imported ticket.
    public func insert(_ number: String, caseID: UUID, fields: [String: String], at time: Date) async throws {
        try await db.raw(
            """
            INSERT INTO hotline_tickets (ticket_number, case_id, fields, imported_at, updated_at)
            VALUES (\(bind: number), \(bind: caseID.uuidString), \(bind: try Self.text(fields)),
                \(bind: Timestamp.format(time)), \(bind: Timestamp.format(time)))
            """
        ).run()
    }

    /// Stores the changed fields of ticket `number`.
    public func update(_ number: String, fields: [String: String], at time: Date) async throws {
        try await db.raw(
            """
            UPDATE hotline_tickets SET fields = \(bind: try Self.text(fields)), updated_at = \(bind: Timestamp.format(time))
            WHERE ticket_number = \(bind: number)
            """
        ).run()
    }

    private static func text(_ fields: [String: String]) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(fields), as: UTF8.self)
    }
}
