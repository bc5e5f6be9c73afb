import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Synchronization
import Testing

/// A webhook receiver on loopback that records what it is sent and answers with the status it is told to.
final class Receiver: Sendable {
    struct Hit: Sendable {
        var headers: HTTPFields
        var body: Data
    }

    let hits = Mutex<[Hit]>([])
    let status = Mutex<HTTPResponse.Status>(.ok)

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            self.hits.withLock { $0.append(Hit(headers: request.headers, body: Data(body.readableBytesView))) }
            return self.status.withLock { $0 }
        }
        return router
    }

    /// Runs `body` with the receiver listening; passes its URL.
    func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/hook")
        }
    }
}

@Suite("Notifications and webhooks")
struct WebhookTests {
    func notice(_ key: String, unit: UUID?, recipients: [UUID], at time: Date) -> Notice {
        Notice(
            eventKey: key, event: "case.escalated", unitID: unit, recipients: recipients, kind: "escalation",
            title: "二级矛盾纠纷升级", body: "请及时处置", objectType: "case", objectID: "QS-2026-000001",
            data: ["level": "level2"], at: time)
    }

    @Test(arguments: TestEngine.available)
    func replayingANoticeAddsNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let env = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(env)
            let admin = try #require(try await OrganisationService(env).users(for: .system("t")).first)
            _ = try await WebhookService(env).create(
                url: "http://127.0.0.1:9/hook", unitCode: nil, events: [], by: .system("test"))
            let first = try await provider.transaction { db in
                try await Notifier().record(
                    notice("e1", unit: nil, recipients: [admin.id, admin.id], at: Date()), on: db)
            }
            let replay = try await provider.transaction { db in
                try await Notifier().record(notice("e1", unit: nil, recipients: [admin.id], at: Date()), on: db)
            }
            #expect(first.inbox == 1 && first.outbox == 1)
            #expect(replay.inbox == 0 && replay.outbox == 0)
        }
    }

    @Test func aDeliveryIsSignedSentOnceAndRetriedWithBackOffUntilAccepted() async throws {
        let receiver = Receiver()
        try await receiver.run { url in
            try await TestDatabase.with(.sqlite) { provider in
                // setup
                let clock = TestClock()
                let env = TestEnvironment.make(provider, clock: clock)
                try await TestEnvironment.loadDemo(env)
                let webhooks = WebhookService(env)
                let (_, secret) = try await webhooks.create(
                    url: url, unitCode: "qs-police", events: ["case.escalated"], by: .system("test"))
                let police = try await OrganisationService(env).unit(code: "qs-police", for: .system("t"))
                try await provider.transaction { db in
                    try await Notifier().record(notice("e2", unit: police.id, recipients: [], at: clock.now), on: db)
                    // Another unit's event does not reach this unit's webhook.
                    try await Notifier().record(notice("e3", unit: UUID(), recipients: [], at: clock.now), on: db)
                }

                // act: the receiver fails first
                receiver.status.withLock { $0 = .internalServerError }
                #expect(try await webhooks.deliverDue() == 1)
                #expect(try await webhooks.deliverDue() == 0)  // not due again for 30 s
                clock.advance(by: 30)
                receiver.status.withLock { $0 = .noContent }
                #expect(try await webhooks.deliverDue() == 1)
                clock.advance(by: 3600)
                #expect(try await webhooks.deliverDue() == 0)  // delivered: never sent again

                // verify
                let hits = receiver.hits.withLock { $0 }
                #expect(hits.count == 2)
                let hit = try #require(hits.last)
                let signature = try #require(hit.headers[HTTPField.Name("X-Pingan-Signature")!])
                let parts = signature.split(separator: ",")
                let timestamp = try #require(Int(parts[0].dropFirst(2)))
                #expect(
                    parts[1] == "v1=" + WebhookService.signature(secret: secret, timestamp: timestamp, body: hit.body))
                let key = try #require(hit.headers[HTTPField.Name("X-Pingan-Delivery")!])
                #expect(hits[0].headers[HTTPField.Name("X-Pingan-Delivery")!] == key)
                let payload = try #require(try JSONSerialization.jsonObject(with: hit.body) as? [String: Any])
                #expect(payload["idempotency_key"] as? String == key)
                #expect(payload["event"] as? String == "case.escalated")

                let hook = try #require(try await webhooks.list(by: .system("t")).first)
                let log = try await webhooks.deliveries(id: hook.id, by: .system("t"))
                #expect(log.map(\.statusCode) == [204, 500])
            }
        }
    }

    @Test func aReceiverThatNeverAnswersIsGivenUpAfterTheLastAttempt() async throws {
        try await TestDatabase.with(.sqlite) { provider in
            let clock = TestClock()
            let env = TestEnvironment.make(provider, clock: clock)
            try await TestEnvironment.loadDemo(env)
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            let webhooks = WebhookService(env, retry: RetrySchedule(base: 1, maxDelay: 4, maxAttempts: 3))
            _ = try await webhooks.create(url: "http://127.0.0.1:9/hook", unitCode: nil, events: [], by: .system("t"))
            try await provider.transaction { db in
                try await Notifier().record(notice("e4", unit: nil, recipients: [], at: clock.now), on: db)
            }
            var attempts = 0
            for _ in 0..<6 {
                attempts += try await webhooks.deliverDue()
                clock.advance(by: 5)
            }
            #expect(attempts == 3)
            let message = try #require(
                try await provider.read { db in try await OutboxRepository(db).due(at: .distantFuture, limit: 10) }
                    .first == nil ? "dead" : nil)
            #expect(message == "dead")
        }
    }

    @Test func theInboxShowsUnreadCountsAndOnlyTheCallersItems() async throws {
        try await WebHarness.run { harness in
            let users = try await OrganisationService(harness.env).users(for: .system("t"))
            let deputy = try #require(users.first { $0.username == "leader.guanyuan.deputy" })
            try await harness.env.provider.transaction { db in
                for index in 1...3 {
                    try await Notifier().record(
                        notice("n\(index)", unit: nil, recipients: [deputy.id], at: harness.clock.now), on: db)
                }
            }
            let token = try await harness.login("leader.guanyuan.deputy")
            let inbox = try await harness.send(.get, "/api/v1/notifications?limit=2", token: token)
            let json = try inbox.json()
            #expect(json["unread_count"] as? Int == 3)
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count == 2)
            let cursor = try #require(json["next_cursor"] as? String)
            let rest = try await harness.send(.get, "/api/v1/notifications?limit=2&cursor=\(cursor)", token: token)
            #expect((try rest.json()["items"] as? [[String: Any]])?.count == 1)

            let id = try #require(items.first?["id"] as? String)
            let other = try await harness.login("handler.police")
            #expect(try await harness.send(.post, "/api/v1/notifications/\(id)/read", token: other).status == .notFound)
            #expect(
                try await harness.send(.post, "/api/v1/notifications/\(id)/read", token: token).status == .noContent)
            let after = try await harness.send(.get, "/api/v1/notifications?unread=true", token: token)
            #expect(try after.json()["unread_count"] as? Int == 2)
            let all = try await harness.send(.post, "/api/v1/notifications/read-all", token: token)
            #expect(try all.json()["marked"] as? Int == 2)
        }
    }

    @Test func onlyAdminsManageWebhooksAndBadURLsAreRefused() async throws {
        try await WebHarness.run { harness in
            let admin = try await harness.login("admin")
            let bad = try await harness.send(
                .post, "/api/v1/webhooks", token: admin, json: #"{"url": "ftp://x", "events": ["Bad Event"]}"#)
            #expect(Set(try bad.violations()) == ["url:format", "events[0]:format"])
            let created = try await harness.send(
                .post, "/api/v1/webhooks", token: admin,
                json: #"{"url": "https://hotline.example/pingan", "unit_code": "qs-police"}"#)
            #expect(created.status == .created)
            #expect((try created.json()["secret"] as? String)?.hasPrefix("whsec_") == true)
            let handler = try await harness.login("handler.police")
            #expect(try await harness.send(.get, "/api/v1/webhooks", token: handler).status == .forbidden)
        }
    }
}
