import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Escalation (BRIEF §2 defaults)")
struct EscalationTests {
    func dispute(level: String) -> String {
        #"""
        {"kind": "dispute", "category_code": "conflict.property", "region_code": "990102002001",
         "source": "walk_in", "title": "小区物业停水纠纷", "description": "业主与物业公司因停水赔偿发生纠纷。", "level": "\#(level)"}
        """#
    }

    /// Opens a dispute and assigns it to 官园街道; returns its number.
    func openAndAssign(_ harness: WebHarness, level: String, participants: String = "") async throws -> String {
        let centre = try await harness.login("operator.zhou")
        let created = try await harness.send(.post, "/api/v1/cases", token: centre, json: dispute(level: level))
        let number = try #require((try created.json()["case"] as? [String: Any])?["number"] as? String)
        let assigned = try await harness.send(
            .post, "/api/v1/cases/\(number)/actions", token: centre,
            json: #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地"\#(participants)}"#)
        try #require(assigned.status == .ok, "assign answered \(assigned.status): \(assigned.text)")
        return number
    }

    func inbox(_ harness: WebHarness, _ username: String) async throws -> [String] {
        let token = try await harness.login(username)
        let items = try await harness.send(.get, "/api/v1/notifications", token: token).json()["items"]
        return (items as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    @Test func aLevel3DisputeNotifiesTheDeputyAtOnceAndTheDirectorWhenTheDeadlinePasses() async throws {
        try await WebHarness.run { harness in
            let number = try await openAndAssign(harness, level: "level3")
            let scheduler = EscalationScheduler(harness.env)

            let first = try await scheduler.runOnce()
            #expect(first.map(\.recipients) == [["leader.guanyuan.deputy"]])
            #expect(try await inbox(harness, "leader.guanyuan.deputy").count == 1)
            #expect(try await inbox(harness, "leader.guanyuan.director").isEmpty)
            #expect(try await scheduler.runOnce().isEmpty)  // nothing fires twice

            let centre = try await harness.login("operator.zhou")
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre).json()
            let deadlineText = try #require((record["case"] as? [String: Any])?["deadline"] as? String)
            let deadline = try #require(Timestamp.parse(deadlineText))
            let late = try await scheduler.runOnce(now: deadline.addingTimeInterval(1))
            #expect(late.map(\.recipients) == [["leader.guanyuan.director"]])
            #expect(try await inbox(harness, "leader.guanyuan.director").count == 1)

            let events = try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre).json()
            let types = (events["items"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types.filter { $0 == "escalated" }.count == 2)
        }
    }

    @Test func aLevel1DisputeNotifiesThePartyPrincipalAtOnce() async throws {
        try await WebHarness.run { harness in
            _ = try await openAndAssign(harness, level: "level1")
            let fired = try await EscalationScheduler(harness.env).runOnce()
            #expect(fired.flatMap(\.recipients).contains("leader.guanyuan.secretary"))
            #expect(try await inbox(harness, "leader.guanyuan.secretary").count == 1)
        }
    }

    @Test func raisingTheLevelReplansAndNotifiesTheNewChainAtOnce() async throws {
        try await WebHarness.run { harness in
            let number = try await openAndAssign(harness, level: "level3")
            let scheduler = EscalationScheduler(harness.env)
            _ = try await scheduler.runOnce()
            let centre = try await harness.login("operator.zhou")
            let raised = try await harness.send(
                .post, "/api/v1/cases/\(number)/actions", token: centre,
                json: #"{"action": "change_level", "version": 2, "level": "level2", "reason": "群体性对抗苗头"}"#)
            #expect(raised.status == .ok)
            let fired = try await scheduler.runOnce()
            #expect(fired.flatMap(\.recipients).contains("leader.guanyuan.director"))
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentPassesFireEachStepExactlyOnce(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            _ = try await openAndAssign(harness, level: "level3")
            _ = try await openAndAssign(harness, level: "level1")
            let env = harness.env
            let total = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await EscalationScheduler(env).runOnce().count }
                }
                return try await group.reduce(0, +)
            }
            let fired = try await env.provider.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM escalation_fired").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(total == fired)
            #expect(try await inbox(harness, "leader.guanyuan.deputy").count == 1)
        }
    }

    @Test func aRedWarningFormsAJointResponseWithTheLeadAndParticipatingUnitsAtOnce() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let created = try await harness.send(
                .post, "/api/v1/cases", token: centre,
                json: #"""
                    {"kind": "opinion_warning", "category_code": "conflict.labour", "region_code": "990102002",
                     "source": "signal", "title": "网帖:工地讨薪视频快速传播", "description": "转评量两小时内破万。",
                     "level": "red"}
                    """#)
            let number = try #require((try created.json()["case"] as? [String: Any])?["number"] as? String)
            let assigned = try await harness.send(
                .post, "/api/v1/cases/\(number)/actions", token: centre,
                json: #"""
                    {"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地牵头",
                     "participant_codes": ["qs-hrss", "qs-police"]}
                    """#)
            #expect(assigned.status == .ok)

            let fired = try await EscalationScheduler(harness.env).runOnce()
            let joint = try #require(fired.first { $0.effect == .jointResponse })
            #expect(joint.recipients.contains("handler.guanyuan"))
            #expect(joint.recipients.contains("handler.hrss") || joint.recipients.contains("handler.police"))
            #expect(try await inbox(harness, "handler.police").count >= 1)
        }
    }

    /// The case object and the timeline's event types, as the centre sees them.
    func caseAndTimeline(_ harness: WebHarness, _ number: String) async throws -> ([String: Any], [[String: Any]]) {
        let centre = try await harness.login("operator.zhou")
        let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre).json()
        let events = try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre).json()
        return (record["case"] as? [String: Any] ?? [:], events["items"] as? [[String: Any]] ?? [])
    }

    @Test func aLevel3DisputeOverdueIsTakenOverByTheStreetsPrincipal() async throws {
        try await WebHarness.run { harness in
            let number = try await openAndAssign(harness, level: "level3")
            let (before, _) = try await caseAndTimeline(harness, number)
            let deadline = try #require(Timestamp.parse(before["deadline"] as? String ?? ""))
            let scheduler = EscalationScheduler(harness.env)
            _ = try await scheduler.runOnce(now: deadline.addingTimeInterval(1))

            let director = try await harness.env.provider.read { db in
                try await db.raw("SELECT id FROM users WHERE username = 'leader.guanyuan.director'").first()?
                    .decode(column: "id", as: String.self)
            }
            let (after, events) = try await caseAndTimeline(harness, number)
            #expect((after["responsible_person_id"] as? String)?.lowercased() == director?.lowercased())
            #expect(after["status"] as? String == "assigned")
            let takeOver = try #require(events.last { $0["type"] as? String == "assigned" })
            let actor = takeOver["actor"] as? [String: Any]
            #expect(actor?["kind"] as? String == "system" && actor?["name"] as? String == "scheduler")
            #expect((takeOver["note"] as? String ?? "").hasPrefix("预警升级"))
        }
    }

    @Test func aLevel1DisputeOverdueIsPutUnderSupervisionByTheNextHigherCentre() async throws {
        try await WebHarness.run { harness in
            let number = try await openAndAssign(harness, level: "level1")
            let (before, _) = try await caseAndTimeline(harness, number)
            #expect(before["supervision"] == nil)
            let deadline = try #require(Timestamp.parse(before["deadline"] as? String ?? ""))
            let fired = try await EscalationScheduler(harness.env).runOnce(now: deadline.addingTimeInterval(60))
            #expect(fired.contains { $0.effect == .raiseSupervision })

            let (after, events) = try await caseAndTimeline(harness, number)
            let supervision = try #require(after["supervision"] as? [String: Any])
            // The deadline had passed, so the supervision runs for the grace period from the escalation.
            let until = try #require(Timestamp.parse(supervision["deadline"] as? String ?? ""))
            #expect(until == deadline.addingTimeInterval(60 + 3 * 86_400))
            #expect(events.contains { $0["type"] as? String == "supervision_on" })
            #expect(try await EscalationScheduler(harness.env).runOnce(now: deadline.addingTimeInterval(120)).isEmpty)
        }
    }
}
