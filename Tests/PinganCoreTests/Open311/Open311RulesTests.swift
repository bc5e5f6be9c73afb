import Foundation
import PinganCore
import Testing

@Suite("Open311 rules")
struct Open311RulesTests {
    @Test func aFormDecodesAttributesLocationAndContact() throws {
        // act
        let submission = try Open311Submission.parse([
            ("service_code", "safety.road"), ("lat", "30.58"), ("long", "114.27"), ("description", " 信号灯不亮 "),
            ("attribute[objects][]", "signal"), ("attribute[objects][]", "marking"), ("attribute[note]", ""),
            ("first_name", "某某"), ("last_name", "张"), ("phone", ""), ("email", "a@b.cn"),
        ]).get()
        // verify
        #expect(submission.serviceCode == "safety.road")
        #expect(submission.latitude == 30.58 && submission.longitude == 114.27)
        #expect(submission.description == "信号灯不亮")
        #expect(submission.attributes == ["objects": ["signal", "marking"]])
        #expect(submission.contact.fullName == "张某某")
        #expect(submission.contact.phone == nil)  // empty counts as absent
        #expect(submission.contact.email == "a@b.cn")
    }

    @Test func everyBrokenRuleOfAFormIsReportedAtOnce() {
        // act
        let result = Open311Submission.parse([
            ("lat", "91"), ("description", String(repeating: "字", count: 4_001)), ("media_url", "javascript:alert(1)"),
            ("phone", "call me"), ("email", "nobody"),
        ])
        // verify
        guard case .failure(.invalid(let violations)) = result else {
            Issue.record("expected violations, got \(result)")
            return
        }
        #expect(
            violations.map { "\($0.field):\($0.rule)" } == [
                "service_code:required", "lat:range", "long:required", "description:length", "media_url:format",
                "phone:format", "email:format",
            ])
    }

    @Test func aLocationIsRequiredInOneOfItsThreeForms() {
        let without = Open311Submission.parse([("service_code", "service.city")])
        let withAddressID = Open311Submission.parse([("service_code", "service.city"), ("address_id", "990102")])
        #expect((try? without.get()) == nil)
        #expect((try? withAddressID.get())?.addressID == "990102")
    }

    @Test func attributeAnswersAreCheckedAgainstTheDefinition() {
        // setup
        let definition = [
            ServiceAttribute(
                code: "kind", datatype: .singlevaluelist, required: true, order: 1, description: "类型",
                values: [.init(key: "a", name: "甲"), .init(key: "b", name: "乙")]),
            ServiceAttribute(code: "count", datatype: .number, required: false, order: 2, description: "数量"),
            ServiceAttribute(code: "since", datatype: .datetime, required: false, order: 3, description: "时间"),
            ServiceAttribute(
                code: "info", variable: false, datatype: .text, required: false, order: 4, description: "说明"),
        ]
        // act
        let missing = ServiceAttribute.violations(of: [:], against: definition)
        let wrong = ServiceAttribute.violations(
            of: ["kind": ["a", "b"], "count": ["many"], "since": ["2026-11-22T08:00:00+08:00"], "info": ["x"]],
            against: definition)
        let good = ServiceAttribute.violations(
            of: ["kind": ["c"], "count": ["3.5"], "since": ["2026-11-22T08:00:00Z"]], against: definition)
        // verify
        #expect(missing.map { "\($0.field):\($0.rule)" } == ["attribute[kind]:required"])
        #expect(
            wrong.map { "\($0.field):\($0.rule)" } == [
                "attribute[info]:unknown", "attribute[kind]:single", "attribute[count]:format",
            ])
        #expect(good.map { "\($0.field):\($0.rule)" } == ["attribute[kind]:unknown_value"])
    }

    @Test func aRatingOfOneOrTwoOrNotSolvedReopensUnderSupervision() {
        #expect(CitizenRating(score: 2, solved: true).outcome == .reopenUnderSupervision)
        #expect(CitizenRating(score: 1, solved: true).outcome == .reopenUnderSupervision)
        #expect(CitizenRating(score: 5, solved: false).outcome == .reopenUnderSupervision)
        #expect(CitizenRating(score: 3, solved: true).outcome == .close(.unsatisfied))
        #expect(CitizenRating(score: 4, solved: true).outcome == .close(.satisfied))
        #expect(CitizenRating(score: 0, solved: true).violations.map(\.rule) == ["range"])
        #expect(
            CitizenRating(score: 5, solved: true, comment: String(repeating: "好", count: 501)).violations.map(\.field)
                == ["comment"])
    }

    @Test func timesAreW3CWithTheChinaOffsetAndParseBack() throws {
        let instant = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22 00:00 UTC
        #expect(Open311Time.format(instant) == "2026-11-22T08:00:00+08:00")
        #expect(Timestamp.parse("2026-11-22T08:00:00+08:00") == instant)
        #expect(Timestamp.parse("2026-11-22T00:00:00Z") == instant)
        #expect(Timestamp.parse("2026-11-22T00:00:00.000Z") == instant)
        #expect(Timestamp.parse("2026-11-22") == nil)
    }
}
