import Foundation
import Testing

@testable import PinganCore

@Suite("Audit entry canonical form")
struct AuditEntryTests {
    @Test func aNewlineInsideAValueCannotForgeAnotherEntrysForm() {
        let honest = AuditEntry.canonicalForm(
            seq: 1, at: "t", actor: "a\nuser.create", action: "x", objectType: "y", objectID: "z", changeDigest: "d",
            previousHash: "p")
        let forged = AuditEntry.canonicalForm(
            seq: 1, at: "t", actor: "a", action: "user.create\nx", objectType: "y", objectID: "z", changeDigest: "d",
            previousHash: "p")
        #expect(honest != forged)
    }

    @Test func timestampsRoundTripWithMilliseconds() throws {
        let date = Date(timeIntervalSince1970: 1_795_305_600.5)
        let text = Timestamp.format(date)
        #expect(text == "2026-11-22T00:00:00.500Z")
        let parsed = try #require(Timestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
        #expect(Timestamp.parse("2026-11-22T08:00:00+08:00") == Date(timeIntervalSince1970: 1_795_305_600))
    }
}
