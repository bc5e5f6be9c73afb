import Foundation
import PinganCore
import Testing

@Suite("Scoring items, deductions, scorecards and ranking")
struct ScoringTests {
    static let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    /// An exact decimal (a float literal would pass through Double).
    static func d(_ text: String) -> Decimal { Decimal(string: text) ?? 0 }
    static let police = UUID()
    static let justice = UUID()
    static let listID = UUID()

    static let list = ResponsibilityList(
        title: "考核清单", statedPoints: 100,
        chapters: [
            ListChapter(
                code: "一", title: "化解", statedPoints: 100, leadUnits: ["区司法局"],
                items: [
                    ListItem(code: "1", title: "一次性化解", statedPoints: 40, leadUnits: ["区公安分局"]),
                    ListItem(code: "2", title: "台账管理", statedPoints: 40, leadUnits: ["区公安分局", "区司法局"]),
                    ListItem(code: "3", title: "调解", statedPoints: 20),
                ])
        ],
        negativeList: [
            NegativeListEntry(
                code: "1", text: "重大案件",
                rule: DeductionRule(
                    basis: .perIncidentBySeverity([
                        .init(severity: "特别重大", points: 30, counter: "件"),
                        .init(severity: "重大", points: 10, counter: "件"),
                    ]), cap: 25)),
            NegativeListEntry(code: "2", text: "未读的", flag: "manual"),
        ])
    static let names = ["区公安分局": police, "区司法局": justice]

    static func score(_ key: String, _ points: Decimal, unit: UUID? = nil, at offset: TimeInterval = 0) -> ItemScore {
        ItemScore(
            id: UUID(), listID: listID, listVersion: 1, period: AssessmentPeriod(year: 2025, quarter: 2),
            regionCode: "990102", itemKey: key, unitID: unit, points: points, maximum: 40,
            source: .manual(comment: "检查台账", evidence: []), setBy: "assessor.qian", setAt: t0 + offset)
    }

    static func metrics(firstTime: Int, resolved: Int) throws -> LedgerMetrics {
        var metrics = LedgerMetrics.compute(
            [], scope: .all, period: try LedgerPeriod(from: t0, to: t0 + 86_400), now: t0)
        metrics.resolvedCases = (0..<resolved).map { "C\($0)" }
        metrics.firstTimeCases = Array(metrics.resolvedCases.prefix(firstTime))
        return metrics
    }

    @Test("Scoring functions: all or nothing, linear between floor and target, steps")
    func functions() {
        #expect(ScoringFunction.allOrNothing(target: Self.d("0.9")).share(for: Self.d("0.9")).share == 1)
        #expect(ScoringFunction.allOrNothing(target: Self.d("0.9")).share(for: Self.d("0.89")).share == 0)
        let linear = ScoringFunction.linear(floor: Self.d("0.7"), target: Self.d("0.9"))
        #expect(linear.share(for: Self.d("0.8")).share == Self.d("0.5"))
        #expect(linear.share(for: Self.d("0.7")).share == 0)
        #expect(linear.share(for: Self.d("0.95")).share == 1)
        #expect(linear.share(for: Self.d("0.8")).explanation.contains("50% of the points"))
        let steps = ScoringFunction.steps([
            .init(minimum: Self.d("0.8"), share: Self.d("0.5")), .init(minimum: Self.d("0.9"), share: 1),
        ])
        #expect(steps.share(for: Self.d("0.85")).share == Self.d("0.5"))
        #expect(steps.share(for: Self.d("0.79")).share == 0)
        #expect(steps.share(for: Self.d("0.9")).share == 1)
        #expect(throws: PinganError.self) {
            try ScoringFunction.linear(floor: Self.d("0.9"), target: Self.d("0.9")).validate(field: "f")
        }
        #expect(throws: PinganError.self) {
            try ScoringFunction.steps([
                .init(minimum: Self.d("0.9"), share: 1), .init(minimum: Self.d("0.8"), share: Self.d("0.5")),
            ]).validate(field: "f")
        }
    }

    @Test("An automatic item takes the exact ledger figure: 17 of 20 first-time is 85%, halfway from 80% to 90%")
    func automatic() throws {
        let binding = MetricBinding(
            indicator: .firstTimeResolutionRate, function: .linear(floor: Self.d("0.8"), target: Self.d("0.9")))
        let result = binding.score(maximum: 40, metrics: try Self.metrics(firstTime: 17, resolved: 20))
        #expect(result.points == 20)
        #expect(result.value == Self.d("0.85"))
        #expect(result.explanation.hasPrefix("first_time_resolution_rate 17/20 = 85%"))
        let empty = binding.score(maximum: 40, metrics: try Self.metrics(firstTime: 0, resolved: 0))
        #expect(empty.points == 0)
        #expect(empty.value == nil)
    }

    @Test("Manual scores are checked: points within the item, a comment, evidence hashes")
    func manualValidation() {
        var score = Self.score("一/1", 41)
        #expect(throws: PinganError.self) { try score.validate() }
        score.points = 30
        #expect(throws: Never.self) { try score.validate() }
        score.source = .manual(comment: " ", evidence: [.init(fileName: "a.pdf", sha256: "XYZ")])
        #expect {
            try score.validate()
        } throws: { error in
            guard case .invalid(let violations) = error as? PinganError else { return false }
            return violations.map(\.field) == ["comment", "evidence[0].sha256"]
        }
    }

    @Test("A scorecard shows the items the unit leads, its own latest score over the subject's, and deductions")
    func scorecard() {
        let scores = [
            Self.score("一/1", 30, at: 0), Self.score("一/1", 35, at: 10),
            Self.score("一/2", 40), Self.score("一/2", 10, unit: Self.police, at: 5),
        ]
        let incidents = [
            Incident(
                id: UUID(), occurredAt: Self.t0, regionCode: "990102", unitID: Self.police, kind: "命案", severity: "重大",
                description: "x", entryKey: "1", recordedBy: "a", recordedAt: Self.t0),
            Incident(
                id: UUID(), occurredAt: Self.t0, regionCode: "990102", unitID: Self.police, kind: "命案",
                severity: "特别重大", description: "y", entryKey: "1", recordedBy: "a", recordedAt: Self.t0),
            Incident(
                id: UUID(), occurredAt: Self.t0, regionCode: "990102", unitID: Self.justice, kind: "命案", severity: "重大",
                description: "z", entryKey: "1", recordedBy: "a", recordedAt: Self.t0),
        ]
        let police = Scorecard.build(
            unitID: Self.police, list: Self.list, listID: Self.listID, unitNames: Self.names, scores: scores,
            incidents: incidents)
        #expect(police.lines.map(\.itemKey) == ["一/1", "一/2"])
        #expect(police.lines.map(\.earned) == [35, 10])
        #expect(police.lines.map(\.lost) == [5, 30])
        #expect(police.deductions.count == 1)
        #expect(police.deductions[0].points == 25)
        #expect(police.deductions[0].explanation.contains("capped at -25"))
        #expect(police.total == 20)
        #expect(police.share == Decimal(20) / 80)
        #expect(police.failed(passMark: Self.d("0.6")))
        let justice = Scorecard.build(
            unitID: Self.justice, list: Self.list, listID: Self.listID, unitNames: Self.names, scores: scores,
            incidents: incidents)
        // Item 3 names no lead unit of its own: the chapter's (区司法局) count.
        #expect(justice.lines.map(\.itemKey) == ["一/2", "一/3"])
        #expect(justice.lines.map(\.earned) == [40, nil])
        #expect(justice.lines[1].explanation == "not scored yet")
        #expect(justice.deducted == 10)
        #expect(justice.share == Decimal(30) / 40)
        #expect(!justice.failed(passMark: Self.d("0.6")))
    }

    @Test("An upheld appeal supersedes the score with the assessor's decision; a rejected one keeps it")
    func appeals() throws {
        let original = Self.score("一/1", 20)
        let appeal = Appeal(
            id: UUID(), scoreID: original.id, unitID: Self.police, reason: "台账已补齐", filedBy: "handler.police",
            filedAt: Self.t0 + 100)
        let (decided, changed) = try appeal.decide(
            upheld: true, points: 32, note: "补充材料属实", against: original, by: "assessor.qian", at: Self.t0 + 200,
            newScoreID: UUID())
        let score = try #require(changed)
        #expect(score.points == 32)
        #expect(score.setBy == "assessor.qian")
        #expect(score.explanation == "changed on appeal by assessor.qian: 补充材料属实")
        #expect(decided.decision?.upheld == true)
        let card = Scorecard.build(
            unitID: Self.police, list: Self.list, listID: Self.listID, unitNames: Self.names,
            scores: [original, score], incidents: [])
        #expect(card.lines[0].earned == 32)
        #expect(throws: PinganError.self) {
            try decided.decide(
                upheld: false, points: nil, note: "again", against: original, by: "x", at: Self.t0, newScoreID: UUID())
        }
        let (rejected, none) = try appeal.decide(
            upheld: false, points: nil, note: "材料不足", against: original, by: "assessor.qian", at: Self.t0,
            newScoreID: UUID())
        #expect(none == nil)
        #expect(rejected.decision?.upheld == false)
        #expect(throws: PinganError.self) {
            try appeal.decide(
                upheld: true, points: 50, note: "x", against: original, by: "a", at: Self.t0, newScoreID: UUID())
        }
    }

    @Test("The ranking needs a minimum of scored items; equal shares share a rank")
    func ranking() {
        let a = Scorecard(
            unitID: UUID(), listID: Self.listID,
            lines: [.init(itemKey: "1", title: "", maximum: 40, score: Self.score("1", 30))], deductions: [])
        let b = Scorecard(
            unitID: UUID(), listID: Self.listID,
            lines: [
                .init(itemKey: "1", title: "", maximum: 40, score: Self.score("1", 20)),
                .init(itemKey: "2", title: "", maximum: 40, score: Self.score("2", 40)),
            ], deductions: [])
        let c = Scorecard(
            unitID: UUID(), listID: Self.listID,
            lines: [
                .init(itemKey: "1", title: "", maximum: 40, score: Self.score("1", 40)),
                .init(itemKey: "2", title: "", maximum: 40, score: Self.score("2", 20)),
            ], deductions: [])
        let ranking = AssessmentRanking([a, b, c], minimumScoredItems: 2)
        #expect(ranking.ranked.map(\.rank) == [1, 1])
        #expect(ranking.ranked.map(\.card.unitID) == [b.unitID, c.unitID])
        #expect(ranking.unranked.map(\.card.unitID) == [a.unitID])
        #expect(ranking.unranked[0].reason.contains("fewer than the minimum of 2"))
    }

    @Test("Periods: a year and its quarters in the centre's time zone; bad periods are refused")
    func periods() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let q2 = try AssessmentPeriod(parsing: "2025-Q2")
        #expect(Timestamp.format(q2.start(in: zone)) == "2025-03-31T16:00:00.000Z")
        #expect(Timestamp.format(q2.end(in: zone)) == "2025-06-30T16:00:00.000Z")
        #expect(Timestamp.format(try AssessmentPeriod(parsing: "2025-Q4").end(in: zone)) == "2025-12-31T16:00:00.000Z")
        #expect(try AssessmentPeriod(parsing: "2025").contains(q2))
        for bad in ["25", "2025-Q5", "2025-2", "2025-Q1-x", ""] {
            #expect(throws: PinganError.self) { try AssessmentPeriod(parsing: bad) }
        }
    }
}
