import Foundation

/// One entry of a case's timeline (BRIEF §1 "a full timeline of every event (who, when, what, note)"): produced by
/// ``CaseLifecycle`` for every change and stored append-only beside the case.
///
/// `data` carries the facts of the change as text (ids as `UUID.uuidString`, times in ``Timestamp`` form), with the
/// keys listed per type in `docs/CASES.md`; it never holds personal data.
public struct CaseEvent: Sendable, Equatable, Codable, Identifiable {
    /// The event's id, derived from the case id, the version the change produced and the event's position, so that
    /// the same decision always yields the same ids (usable as idempotency keys for outbound messages).
    public var id: UUID
    /// The case the event belongs to.
    public var caseID: UUID
    /// When it happened.
    public var at: Date
    /// Who did it.
    public var actor: ActorRef
    /// What happened.
    public var type: CaseEventType
    /// The human note: the reason, the progress note, the result.
    public var note: String?
    /// The facts of the change.
    public var data: [String: String]
    /// The case's version after the change that produced this event.
    public var version: Int

    /// Creates an event.
    public init(
        id: UUID, caseID: UUID, at: Date, actor: ActorRef, type: CaseEventType, note: String?, data: [String: String],
        version: Int
    ) {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.actor = actor
        self.type = type
        self.note = note
        self.data = data
        self.version = version
    }

    /// The deterministic id of the `index`-th event produced by the change that brought case `caseID` to `version`.
    ///
    /// A version-8 (custom) UUID: the case id's two 64-bit halves mixed with the version and index by SplitMix64's
    /// finaliser, which spreads every input bit over the output.
    public static func derivedID(caseID: UUID, version: Int, index: Int) -> UUID {
        let bytes = withUnsafeBytes(of: caseID.uuid) { Array($0) }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in bytes[0..<8] { high = high << 8 | UInt64(byte) }
        for byte in bytes[8..<16] { low = low << 8 | UInt64(byte) }
        let salt = UInt64(truncatingIfNeeded: version) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: index)
        let first = mix(high ^ mix(salt))
        let second = mix(low ^ first ^ salt)
        var out = [UInt8](repeating: 0, count: 16)
        for offset in 0..<8 {
            out[offset] = UInt8(truncatingIfNeeded: first >> (56 - 8 * offset))
            out[8 + offset] = UInt8(truncatingIfNeeded: second >> (56 - 8 * offset))
        }
        out[6] = out[6] & 0x0F | 0x80
        out[8] = out[8] & 0x3F | 0x80
        return UUID(
            uuid: (
                out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8], out[9], out[10], out[11],
                out[12], out[13], out[14], out[15]
            ))
    }

    // SplitMix64's finaliser (Steele, Lea, Flood 2014).
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
