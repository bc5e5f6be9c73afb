import Crypto
import Foundation
import PinganCore
import SQLKit

/// The append-only, hash-chained audit log (BRIEF §6 "全程留痕、全程可溯").
///
/// ``append(_:at:)`` runs inside the transaction of the change it records, so a change and its entry commit together
/// or not at all. On PostgreSQL every write transaction holds the audit chain's advisory lock from its `BEGIN`
/// (``PostgresProvider``'s batches take it first), so concurrent processes extend one chain.
public struct AuditLog: Sendable {
    private let db: any SQLDatabase

    /// The log on the transaction or connection `db`.
    public init(_ db: any SQLDatabase) {
        self.db = db
    }

    /// Appends `record` at the end of the chain and returns the entry. Inside a write batch the entry is inserted
    /// with the batch's others right before its `COMMIT` (``BatchMemory``), and the chain's head is read only by the
    /// batch's first append; elsewhere it is read and the entry inserted now.
    @discardableResult
    public func append(_ record: AuditRecord, at time: Date) async throws -> AuditEntry {
        let memory = (db as? BatchMemberDatabase)?.memory
        var head = memory?.learnt.auditHead
        if head == nil { head = try await self.head() }
        let seq = (head?.seq ?? 0) + 1
        let previousHash = head?.hash ?? AuditEntry.genesisHash
        let change = Self.canonicalJSON(record.change)
        let digest = Self.sha256(change)
        let hash = Self.sha256(
            AuditEntry.canonicalForm(
                seq: seq, at: Timestamp.format(time), actor: record.actor, action: record.action,
                objectType: record.objectType, objectID: record.objectID, changeDigest: digest,
                previousHash: previousHash))
        let entry = AuditEntry(
            seq: seq, at: time, actor: record.actor, action: record.action, objectType: record.objectType,
            objectID: record.objectID, change: change, changeDigest: digest, previousHash: previousHash, hash: hash)
        if let memory {
            memory.update { learnt in
                learnt.auditHead = .init(seq: seq, hash: hash)
                learnt.pendingEntries.append(entry)
            }
        } else {
            try await Self.insert([entry], on: db)
        }
        return entry
    }

    /// Inserts `entries` (in statements of at most 200 rows).
    static func insert(_ entries: [AuditEntry], on db: any SQLDatabase) async throws {
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + 200, entries.endIndex)
            let rows = entries[start..<end].map { entry -> SQLQueryString in
                """
                (\(bind: entry.seq), \(bind: Timestamp.format(entry.at)), \(bind: entry.actor), \(bind: entry.action),
                    \(bind: entry.objectType), \(bind: entry.objectID), \(bind: entry.change), \(bind: entry.changeDigest),
                    \(bind: entry.previousHash), \(bind: entry.hash))
                """
            }
            try await db.raw(
                """
                INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, change, change_digest,
                    previous_hash, hash) VALUES
                """ + " " + rows.joined(separator: ", ")
            ).run()
            start = end
        }
    }

    /// The newest entry's sequence number and hash; nil while the log is empty.
    private func head() async throws -> BatchMemory.AuditHead? {
        try await db.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first().map {
            BatchMemory.AuditHead(seq: Int64(try $0.int("seq")), hash: try $0.string("hash"))
        }
    }

    /// Filters for reading the log.
    public struct Query: Sendable {
        /// Only entries by this actor.
        public var actor: String?
        /// Only entries with this action.
        public var action: String?
        /// Only entries about this kind of object.
        public var objectType: String?
        /// Only entries about this object.
        public var objectID: String?
        /// Only entries at or after this time.
        public var since: Date?
        /// Only entries before this time.
        public var until: Date?
        /// Only entries with a sequence number below this (the cursor of the previous page).
        public var beforeSeq: Int64?
        /// Page size.
        public var limit: Int

        /// Creates a query; newest entries first.
        public init(
            actor: String? = nil, action: String? = nil, objectType: String? = nil, objectID: String? = nil,
            since: Date? = nil, until: Date? = nil, beforeSeq: Int64? = nil, limit: Int = 100
        ) {
            self.actor = actor
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.since = since
            self.until = until
            self.beforeSeq = beforeSeq
            self.limit = limit
        }
    }

    /// Entries matching `query`, newest first.
    public func entries(_ query: Query) async throws -> [AuditEntry] {
        var sql: SQLQueryString = "SELECT * FROM audit_log WHERE 1 = 1"
        if let actor = query.actor { sql += " AND actor = \(bind: actor)" }
        if let action = query.action { sql += " AND action = \(bind: action)" }
        if let type = query.objectType { sql += " AND object_type = \(bind: type)" }
        if let id = query.objectID { sql += " AND object_id = \(bind: id)" }
        if let since = query.since { sql += " AND at >= \(bind: Timestamp.format(since))" }
        if let until = query.until { sql += " AND at < \(bind: Timestamp.format(until))" }
        if let before = query.beforeSeq { sql += " AND seq < \(bind: before)" }
        sql += " ORDER BY seq DESC LIMIT \(literal: max(1, min(query.limit, 1000)))"
        return try await db.raw(sql).all().map(Self.entry)
    }

    /// The outcome of walking the chain.
    public struct Verification: Sendable, Equatable {
        /// Entries checked before the walk stopped.
        public var checked: Int
        /// The first entry that does not fit the chain, with the reason; `nil` when the chain is intact.
        public var firstBroken: (seq: Int64, reason: String)?
        /// The last entry checked (its sequence and hash): record it outside the database, and later verify with it
        /// as `expectedHead` to detect entries removed from the end or a rewritten tail.
        public var head: (seq: Int64, hash: String)?

        /// Whether the chain is intact.
        public var isIntact: Bool { firstBroken == nil }

        /// Creates an outcome.
        public init(checked: Int, firstBroken: (seq: Int64, reason: String)?, head: (seq: Int64, hash: String)? = nil) {
            self.checked = checked
            self.firstBroken = firstBroken
            self.head = head
        }

        /// Equal when the same number was checked and the same entry broke for the same reason.
        public static func == (lhs: Verification, rhs: Verification) -> Bool {
            lhs.checked == rhs.checked && lhs.firstBroken?.seq == rhs.firstBroken?.seq
                && lhs.firstBroken?.reason == rhs.firstBroken?.reason && lhs.head?.hash == rhs.head?.hash
        }
    }

    /// Walks the whole chain in order, recomputing every digest and hash; stops at the first entry that does not fit.
    ///
    /// With `expectedHead` (a head recorded earlier, outside the database), the entry at that position must still
    /// exist with that hash: this finds entries deleted from the end of the chain and a tail rewritten with
    /// recomputed hashes, which a chain alone cannot.
    public func verify(
        batchSize: Int = 1000, expectedHead: (seq: Int64, hash: String)? = nil
    ) async throws
        -> Verification
    {
        if let stray = try await db.raw("SELECT MIN(seq) AS seq FROM audit_log WHERE seq < 1").first(),
            let seq = try stray.decode(column: "seq", as: Int64?.self)
        {
            return Verification(checked: 0, firstBroken: (seq, "an entry is numbered below 1, outside the chain"))
        }
        var checked = 0
        var expectedSeq: Int64 = 1
        var previousHash = AuditEntry.genesisHash
        var head: (seq: Int64, hash: String)?
        func finish() -> Verification {
            if let expected = expectedHead {
                guard let head, head.seq >= expected.seq else {
                    return Verification(
                        checked: checked,
                        firstBroken: (
                            (head?.seq ?? 0) + 1,
                            "the chain ends before the recorded head \(expected.seq): entries were removed from its end"
                        ), head: head)
                }
            }
            return Verification(checked: checked, firstBroken: nil, head: head)
        }
        while true {
            let rows = try await db.raw(
                """
                SELECT * FROM audit_log WHERE seq >= \(bind: expectedSeq) ORDER BY seq LIMIT \(literal: batchSize)
                """
            ).all()
            if rows.isEmpty { return finish() }
            for row in rows {
                let seq = Int64(try row.int("seq"))
                let at = try row.string("at")
                let change = try row.string("change")
                let digest = try row.string("change_digest")
                let storedPrevious = try row.string("previous_hash")
                let hash = try row.string("hash")
                func broken(_ reason: String) -> Verification {
                    Verification(checked: checked, firstBroken: (seq, reason), head: head)
                }
                if seq != expectedSeq { return broken("entry \(expectedSeq) is missing") }
                if Self.sha256(change) != digest { return broken("the change does not match its digest") }
                if storedPrevious != previousHash { return broken("the previous-entry hash does not match") }
                let recomputed = Self.sha256(
                    AuditEntry.canonicalForm(
                        seq: seq, at: at, actor: try row.string("actor"), action: try row.string("action"),
                        objectType: try row.string("object_type"), objectID: try row.string("object_id"),
                        changeDigest: digest, previousHash: storedPrevious))
                if recomputed != hash { return broken("the entry's fields do not match its hash") }
                if let expected = expectedHead, expected.seq == seq, expected.hash != hash {
                    return broken("the entry differs from the recorded head: the chain was rewritten from here on")
                }
                head = (seq, hash)
                previousHash = hash
                expectedSeq = seq + 1
                checked += 1
            }
        }
    }

    private static let canonicalEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func canonicalJSON(_ change: [String: String]) -> String {
        guard let data = try? canonicalEncoder.encode(change) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func sha256(_ text: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(text.utf8)))
    }

    private static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            seq: Int64(try row.int("seq")), at: try row.date("at"), actor: try row.string("actor"),
            action: try row.string("action"), objectType: try row.string("object_type"),
            objectID: try row.string("object_id"), change: try row.string("change"),
            changeDigest: try row.string("change_digest"), previousHash: try row.string("previous_hash"),
            hash: try row.string("hash"))
    }
}
