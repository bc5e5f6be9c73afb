import Foundation
import PinganCore
import Testing

@Suite("Reading negative lists and their prose deductions")
struct NegativeListTests {
    private func rule(_ text: String, notes: [String] = []) -> DeductionRule? {
        if case .rule(let rule) = DeductionRuleParser.parse(text, notes: notes) { return rule }
        return nil
    }

    private func flag(_ text: String) -> String? {
        if case .flagged(let reason) = DeductionRuleParser.parse(text) { return reason }
        return nil
    }

    @Test("Per-incident deductions are read with their measure word, full-width or half-width")
    func perIncident() {
        #expect(rule("发生命案(-30分/件)") == DeductionRule(basis: .perIncident(points: 30, counter: "件")))
        #expect(rule("发生命案（－30分／件）") == DeductionRule(basis: .perIncident(points: 30, counter: "件")))
        #expect(rule("发生群体性事件(每起扣5分)") == DeductionRule(basis: .perIncident(points: 5, counter: "起")))
        #expect(rule("发生个人极端案件(扣 2.5 分/起)") == DeductionRule(basis: .perIncident(points: 2.5, counter: "起")))
    }

    @Test("Severity deductions keep every grade in order")
    func bySeverity() {
        let expected = DeductionRule(
            basis: .perIncidentBySeverity([
                .init(severity: "特别重大", points: 30, counter: "件"), .init(severity: "重大", points: 10, counter: "件"),
            ]))
        #expect(rule("发生安全事故(特别重大-30分/件,重大-10分/件)") == expected)
        #expect(rule("发生安全事故（特别重大-30分/件；重大-10分/件）") == expected)
    }

    @Test("Per-person deductions and caps are read")
    func perPersonWithCap() {
        #expect(rule("干部被问责(-3分/人)") == DeductionRule(basis: .perPerson(points: 3)))
        #expect(rule("干部被问责(-3分/人,最多扣15分)") == DeductionRule(basis: .perPerson(points: 3), cap: 15))
    }

    @Test("A rate threshold per 10,000 people is read with first step, further steps and cap")
    func rateThreshold() {
        let expected = DeductionRule.RateThreshold(
            metric: "万人命案发案率", perPopulation: 10_000, comparison: .above, threshold: Decimal(string: "0.6") ?? 0,
            firstDeduction: 20, stepSize: Decimal(string: "0.1"), stepDeduction: 10)
        #expect(
            rule("万人命案发案率>0.6(超过即-20分,每超过0.1再-10分,最多共扣50分)")
                == DeductionRule(basis: .rateThreshold(expected), cap: 50))
    }

    @Test("A percentage threshold below which points are lost is read")
    func percentageBelow() throws {
        let found = try #require(rule("群众满意率低于90%(低于即-5分,每低1个百分点再-1分)"))
        guard case .rateThreshold(let rate) = found.basis else {
            Issue.record("not a rate rule: \(found)")
            return
        }
        #expect(rate.comparison == .below)
        #expect(rate.isPercentage)
        #expect(rate.perPopulation == nil)
        #expect(rate.threshold == 90)
        #expect(rate.stepSize == 1)
    }

    @Test("Prose that cannot be read is flagged with the reason, never guessed")
    func flagged() {
        #expect(flag("其他造成严重社会影响的案事件(-10分)")?.contains("does not say per what") == true)
        #expect(flag("发生重大政治事件的(实行一票否决)")?.contains("一票否决") == true)
        #expect(flag("工作不力被通报批评的")?.contains("no deduction") == true)
        #expect(flag("发生事故(重大-10分/件,-5分/件)")?.contains("severity") == true)
        #expect(flag("发生事故(视情扣分)") != nil)
    }

    @Test("Entries broken by a page break, unnumbered notes and renumbered definitions are kept together")
    func entriesAndNotes() throws {
        let text = """
            基础工作(20分)
            一、安全(20分)
            1.安全生产(20分)
            落实安全生产责任制。
            牵头单位:区应急管理局
            参与单位:区住建局
            负面清单
            以下情形在总分中扣除。
            1.发生较大以上安全事故(特别重大-30分/起,
            重大-15分/起)
            “较大以上安全事故”按照国家有关规定
            确定。
            2.万人命案发案率>0.6(超过即-20分,每超过0.1再-10分,最多共扣50分)
            1.万人命案发案率的人口基数为上一年度户籍人口。
            3.发生一票否决事项的(实行一票否决)
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.negativeListIntroduction == "以下情形在总分中扣除。")
        try #require(list.negativeList.count == 3)
        #expect(list.negativeList[0].text == "发生较大以上安全事故(特别重大-30分/起,重大-15分/起)")
        #expect(list.negativeList[0].notes == ["“较大以上安全事故”按照国家有关规定确定。"])
        #expect(list.negativeList[0].rule != nil)
        guard case .rateThreshold(let rate) = list.negativeList[1].rule?.basis else {
            Issue.record("entry 2 has no rate rule")
            return
        }
        #expect(rate.populationBase == "上一年度户籍人口")
        #expect(list.negativeList[2].rule == nil)
        #expect(result.problems.map(\.kind) == [.unreadableDeduction])
        #expect(result.problems.first?.line == 15)
    }
}

extension NegativeListTests {
    @Test("Chapters with points after a negative list continue the list")
    func chaptersAfterNegativeList() throws {
        let text = """
            基础工作(40分)
            一、安全(20分)
            1.安全生产(20分)
            落实责任。
            牵头单位:区应急管理局
            参与单位:区住建局
            负面清单
            1.发生事故(-5分/起)
            二、宣传(20分)
            2.平安宣传(20分)
            每季度一次。
            牵头单位:区委宣传部
            参与单位:区文旅局
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters.map(\.code) == ["一", "二"])
        #expect(list.negativeList.count == 1)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }
}
