import Foundation
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Assessment of the demo district, end to end")
struct AssessmentEndToEndTests {
    /// A list for the demo district: two automatic items and a manual one led by the police, a manual one led by
    /// the justice bureau, a unit name no Pingan unit has, and a negative list.
    static let listText = """
        青山区2026年第四季度平安建设考核清单(100分)
        一、矛盾纠纷化解(60分)
        1.一次性化解(30分)
        群众诉求一次性化解率达到90%以上。
        牵头单位:区公安分局
        参与单位:区委办
        2.群众满意(30分)
        群众满意率达到98%以上。
        牵头单位:区公安分局
        参与单位:各街道办事处
        二、基础工作(40分)
        3.台账管理(20分)
        矛盾纠纷逐一登记在册,实行台帐管理。
        牵头单位:区公安分局
        参与单位:区平安办
        4.调解组织建设(20分)
        每个社区建成调解工作室。
        牵头单位:区司法局
        参与单位:各街道办事处
        负面清单
        1.发生重大安全事故(特别重大-30分/件,重大-10分/件)
        2.发生一般安全事故(-5分/件)
        """

    static func principal(_ username: String, _ roles: Set<Role>, unit: OrgUnit) -> Principal {
        Principal(userID: UUID(), username: username, roles: roles, unitID: unit.id, regionPath: "990100/990102")
    }

    @Test(
        "A period is scored end to end: ledger items, assessor items, incidents, an appeal, a failing unit on the ladder",
        arguments: TestEngine.available)
    func endToEnd(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            // setup: the demo district with 60 days of ledger ending 2026-11-22, then the clock in early 2027
            let clock = TestClock()
            let env = TestEnvironment.make(provider, clock: clock)
            try await TestEnvironment.loadDemo(env)
            _ = try #require(try await DemoLedger(env).load(count: 90, days: 60))
            clock.advance(by: 45 * 86_400)
            let (police, justice, centre) = try await provider.read { db in
                let units = UnitRepository(db)
                return (
                    try await units.find(code: "qs-police"), try await units.find(code: "qs-justice"),
                    try await units.find(code: "qs-centre")
                )
            }
            let policeUnit = try #require(police)
            let justiceUnit = try #require(justice)
            let assessor = Actor.user(Self.principal("assessor.qian", [.assessor], unit: try #require(centre)))
            let handler = Self.principal("handler.police", [.handler], unit: policeUnit)
            let lists = ListService(env)
            let assessment = AssessmentService(env)

            // act 1: import and activate the list; the unknown unit is reported, not dropped
            let imported = try await lists.importDocument(
                Data(Self.listText.utf8), format: .text, by: assessor)
            let stored = try #require(imported.stored.first)
            #expect(stored.version == 1)
            #expect(imported.unmatched.map(\.name).sorted() == ["区委办", "各街道办事处"].sorted())
            #expect(stored.unitMatches.first { $0.name == "区公安分局" }?.unitID == policeUnit.id)
            _ = try await lists.activate(
                id: stored.id.uuidString, period: "2026-Q4", regionCode: "990102", by: assessor)
            let key = AssessmentService.Key(period: "2026-Q4", regionCode: "990102", listID: stored.id.uuidString)

            // act 2: automatic items from the demo ledger
            try await assessment.bind(
                listID: stored.id.uuidString, itemKey: "一/1",
                MetricBinding(
                    indicator: .firstTimeResolutionRate,
                    function: .linear(floor: Decimal(string: "0.8") ?? 0, target: Decimal(string: "0.9") ?? 0)),
                by: assessor)
            try await assessment.bind(
                listID: stored.id.uuidString, itemKey: "一/2",
                MetricBinding(indicator: .satisfaction, function: .allOrNothing(target: Decimal(string: "0.98") ?? 0)),
                by: assessor)
            let automatic = try await assessment.scoreAutomatically(key, by: assessor)
            // verify against the ledger metrics computed independently for the same unit and period
            let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
            let period = try AssessmentPeriod(parsing: "2026-Q4")
            let report = try await LedgerMetricsService(env).ledger(
                unit: "qs-police", region: nil, from: period.start(in: zone), to: period.end(in: zone), by: .system("t")
            )
            #expect(automatic.count == 2)
            let firstTime = try #require(automatic.first { $0.itemKey == "一/1" })
            let expected = MetricBinding(
                indicator: .firstTimeResolutionRate,
                function: .linear(floor: Decimal(string: "0.8") ?? 0, target: Decimal(string: "0.9") ?? 0)
            ).score(maximum: 30, metrics: report.metrics)
            #expect(firstTime.points == expected.points)
            #expect(firstTime.unitID == policeUnit.id)
            #expect(firstTime.listVersion == 1)
            #expect(firstTime.setBy == "assessor.qian")
            #expect(!report.metrics.resolvedCases.isEmpty)

            // act 3: manual items by the assessor, with evidence by hash
            let ledgerScore = try await assessment.score(
                key,
                .init(
                    itemKey: "二/3", points: 0, comment: "台账缺失",
                    evidence: [.init(fileName: "检查记录.pdf", sha256: String(repeating: "ab", count: 32))]),
                by: assessor)
            _ = try await assessment.score(
                key, .init(itemKey: "二/4", unitCode: "qs-justice", points: 18, comment: "调解室建成"), by: assessor)
            await #expect(throws: PinganError.self) {
                try await assessment.score(key, .init(itemKey: "二/4", points: 21, comment: "x"), by: assessor)
            }
            await #expect(throws: PinganError.self) {
                try await assessment.score(
                    key, .init(itemKey: "二/3", points: 1, comment: "x"), by: .user(handler))
            }

            // act 4: incidents and their deductions
            let (major, openedByIncidents) = try await assessment.recordIncident(
                key,
                .init(
                    occurredAt: clock.now - 60 * 86_400, regionCode: "990102001", unitCode: "qs-police", kind: "火灾",
                    severity: "重大", description: "仓库火灾", entryKey: "1"),
                by: assessor)
            #expect(openedByIncidents == nil)
            _ = try await assessment.recordIncident(
                key,
                .init(
                    occurredAt: clock.now - 50 * 86_400, regionCode: "990102", unitCode: "qs-police", kind: "交通",
                    description: "一般交通事故", entryKey: "2"),
                by: assessor)
            await #expect(throws: PinganError.self) {
                try await assessment.recordIncident(
                    key,
                    .init(
                        occurredAt: clock.now, regionCode: "990102", unitCode: "qs-police", kind: "x", severity: "较大",
                        description: "y", entryKey: "1"),
                    by: assessor)
            }

            // act 5: an appeal, upheld in part with the assessor's decision on record
            let outsider = Self.principal("handler.justice", [.handler], unit: justiceUnit)
            await #expect(throws: PinganError.notFound(entity: "score", id: ledgerScore.id.uuidString)) {
                try await assessment.fileAppeal(scoreID: ledgerScore.id.uuidString, reason: "不服", by: outsider)
            }
            let appeal = try await assessment.fileAppeal(
                scoreID: ledgerScore.id.uuidString, reason: "台账已部分补齐", by: handler)
            let (decided, changed) = try await assessment.decideAppeal(
                id: appeal.id.uuidString, upheld: true, points: 2, note: "补齐部分属实", by: assessor)
            #expect(decided.decision?.decidedBy == "assessor.qian")
            #expect(changed?.points == 2)

            // verify the scorecard: items led, points earned and lost, deductions and why
            let (card, _) = try await assessment.scorecard(key, unitCode: "qs-police", by: assessor)
            #expect(card.lines.map(\.itemKey) == ["一/1", "一/2", "二/3"])
            #expect(card.lines[2].earned == 2)
            #expect(card.lines[2].lost == 18)
            #expect(card.lines[2].explanation == "changed on appeal by assessor.qian: 补齐部分属实")
            #expect(card.deductions.map(\.points) == [10, 5])
            #expect(card.deductions[0].incidentIDs == [major.id])
            #expect(card.failed(passMark: LadderPolicy.standard.passMark))
            let (ranking, _) = try await assessment.ranking(key, minimumScoredItems: 1, by: assessor)
            #expect(ranking.ranked.map(\.card.unitID) == [justiceUnit.id, policeUnit.id])
            let (strict, _) = try await assessment.ranking(key, minimumScoredItems: 2, by: assessor)
            #expect(strict.ranked.map(\.card.unitID) == [policeUnit.id])
            #expect(strict.unranked.map(\.card.unitID) == [justiceUnit.id])

            // act 6: concluding puts the failing unit on the ladder, once
            let eligibleBefore = try await assessment.eligibility(unitCode: "qs-police", on: clock.now, by: assessor)
            #expect(eligibleBefore.0.isEligible())
            let opened = try await assessment.conclude(key, by: assessor)
            #expect(opened.map(\.unitID) == [policeUnit.id])
            #expect(opened.first?.current?.step == .notice)
            #expect(try await assessment.conclude(key, by: assessor).isEmpty)

            // verify eligibility before and after each step
            func eligible(_ consequence: LadderConsequence = .honours) async throws -> Bool {
                try await assessment.eligibility(unitCode: "qs-police", on: clock.now, by: .user(handler)).0
                    .isEligible(for: consequence)
            }
            #expect(try await eligible())
            clock.advance(by: 31 * 86_400)
            #expect(try await assessment.advanceLadder(by: assessor).first?.current?.step == .interview)
            #expect(try await eligible())
            clock.advance(by: 30 * 86_400)
            // the background worker's pass takes the step that fell due
            #expect(try await BackgroundWorker(env: env, holder: "test").pass())
            let afterPass = try await assessment.accountabilityCases(unitCode: "qs-police", by: assessor)
            #expect(afterPass.first?.steps.map(\.step) == [.notice, .interview, .listedSupervision])
            #expect(try await assessment.advanceLadder(by: assessor).isEmpty)
            #expect(try await !eligible())
            #expect(try await eligible(.promotion))
            clock.advance(by: 60 * 86_400)
            #expect(try await assessment.advanceLadder(by: assessor).first?.current?.step == .veto)
            #expect(try await !eligible(.promotion))
            #expect(try await !eligible(.awards))
            let (answer, _) = try await assessment.eligibility(unitCode: "qs-police", on: clock.now, by: assessor)
            #expect(answer.bars.map(\.step) == [.listedSupervision, .veto])
            let later = clock.now + 400 * 86_400
            #expect(try await assessment.eligibility(unitCode: "qs-police", on: later, by: assessor).0.isEligible())
            #expect(
                try await assessment.eligibility(unitCode: "qs-justice", on: clock.now, by: assessor).0.isEligible())

            // rectification results are on the record; the audit chain is intact
            let caseID = try #require(opened.first?.id.uuidString)
            let rectified = try await assessment.recordRectification(
                caseID: caseID, note: "整改到位", accepted: true, by: assessor)
            #expect(rectified.closedAt == clock.now)
            #expect(
                try await assessment.accountabilityCases(unitCode: "qs-police", by: .user(handler)).first?
                    .rectifications.map(\.note) == ["整改到位"])
            #expect(try await AuditService(env).verify().isIntact)
        }
    }

    @Test("Bad list documents write nothing: empty, not a list, over 50 MB, no units", arguments: TestEngine.available)
    func badImports(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let env = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(env)
            let lists = ListService(env)
            let cases: [(Data, String)] = [
                (Data("  \n".utf8), "empty"),
                (Data("这是一封普通的信。\n没有任何分值。\n".utf8), "no_list"),
                (Data(count: ResponsibilityListTextParser.maximumBytes + 1), "too_large"),
                (Data("清单(10分)\n一、甲(10分)\n1.乙(10分)\n要求。\n".utf8), "refused"),
                (Data([0xFF, 0xFE, 0x00]), "encoding"),
            ]
            for (data, rule) in cases {
                await #expect {
                    try await lists.importDocument(data, format: .text, by: .system("test"))
                } throws: { error in
                    guard case .invalid(let violations) = error as? PinganError else { return false }
                    return violations.first?.field == "file" && violations.first?.rule == rule
                }
            }
            #expect(try await lists.versions(by: .system("test")).isEmpty)
            // a handler may not import
            let unit = try #require(
                try await provider.read { db in try await UnitRepository(db).find(code: "qs-police") })
            await #expect(throws: PinganError.self) {
                try await lists.importDocument(
                    Data(Self.listText.utf8), format: .text, by: .user(Self.principal("h", [.handler], unit: unit)))
            }
            // a second import of the same title is version 2
            _ = try await lists.importDocument(Data(Self.listText.utf8), format: .text, by: .system("test"))
            let second = try await lists.importDocument(Data(Self.listText.utf8), format: .text, by: .system("test"))
            #expect(second.stored.map(\.version) == [2])
            let yaml = ListYAMLDocument.export(second.lists)
            let again = try await lists.importDocument(Data(yaml.utf8), format: .yaml, dryRun: true, by: .system("t"))
            #expect(again.stored.isEmpty)
            #expect(try again.lists == ListYAMLDocument.read(yaml).lists)
        }
    }
}
