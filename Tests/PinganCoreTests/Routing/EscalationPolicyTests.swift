import Foundation
import PinganCore
import Testing

@Suite("Escalation policy documents (预警升级规则)")
struct EscalationPolicyTests {
    func violations(_ json: String) -> [FieldViolation] {
        do {
            _ = try EscalationPolicy.load(json: Data(json.utf8))
            return []
        } catch {
            guard case .invalid(let violations) = error else { return [] }
            return violations
        }
    }

    @Test("the shipped default is valid and loads back unchanged from its JSON form")
    func defaultRoundTrips() throws {
        try EscalationPolicy.defaultPolicy.validate()
        let json = EscalationPolicy.defaultPolicyJSON
        #expect(json.contains("\"party_principal\""))
        #expect(try EscalationPolicy.load(json: Data(json.utf8)) == EscalationPolicy.defaultPolicy)
    }

    @Test("the default reproduces BRIEF §2: who is reached first and who when the deadline passes, per level")
    func defaultMatchesBrief() throws {
        let policy = EscalationPolicy.defaultPolicy
        let level3 = try #require(policy.chain(for: .level3)).steps
        #expect(
            level3.map(\.target) == [
                .leader(.deputy, of: .responsibleUnit), .leader(.governmentPrincipal, of: .responsibleUnit),
                .leader(.governmentPrincipal, of: .responsibleUnit),
            ])
        #expect(level3.map(\.when) == [.atOnce, .onDemand, .deadline])
        #expect(level3.map(\.effect) == [.notify, .takeOver, .takeOver])
        let level2 = try #require(policy.chain(for: .level2)).steps
        #expect(
            level2.map(\.target) == [
                .leader(.governmentPrincipal, of: .responsibleUnit), .leader(.partyPrincipal, of: .responsibleUnit),
            ])
        #expect(level2.map(\.when) == [.atOnce, .deadline])
        let level1 = try #require(policy.chain(for: .level1)).steps
        #expect(level1.map(\.target) == [.leader(.partyPrincipal, of: .responsibleUnit), .nextHigherCentre])
        #expect(level1.map(\.when) == [.atOnce, .deadline])
        let red = try #require(policy.chain(for: .red)).steps
        #expect(red.first?.target == .leadAndParticipants)
        #expect(red.first?.effect == .jointResponse)
        #expect(red.first?.when == .atOnce)
        #expect(policy.chain(for: .blue)?.steps.map(\.effect) == [.monitor])
        #expect(policy.chain(for: .none) == nil)
    }

    @Test("docs/ROUTING.md shows exactly the shipped default policy")
    func documentedDefaultMatches() throws {
        let docs = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/ROUTING.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- default-escalation-policy -->"))
        let afterMarker = text[marker.upperBound...]
        let open = try #require(afterMarker.range(of: "```json\n"))
        let close = try #require(afterMarker[open.upperBound...].range(of: "\n```"))
        let json = String(afterMarker[open.upperBound..<close.lowerBound])
        #expect(try EscalationPolicy.load(json: Data(json.utf8)) == EscalationPolicy.defaultPolicy)
    }

    @Test("a step whose trigger needs a delay but has none is reported at chains[i].steps[j].delay")
    func missingDelay() {
        let found = violations(
            """
            {"name": "custom", "version": 2, "chains": [{"level": "level3", "disposal": "化解", "steps": [
              {"key": "deputy", "target": {"type": "leader", "role": "deputy"}, "when": "at_once", "effect": "notify"},
              {"key": "later", "target": {"type": "responsible_unit"}, "when": "after_start", "effect": "notify"},
              {"key": "now", "target": {"type": "responsible_unit"}, "when": "at_once", "delay": "1h",
               "effect": "notify"}
            ]}]}
            """)
        #expect(found.map(\.field) == ["chains[0].steps[1].delay", "chains[0].steps[2].delay"])
        #expect(found.map(\.rule) == ["required", "not_allowed"])
    }

    @Test("a malformed delay is reported at its field path")
    func malformedDelay() {
        let found = violations(
            """
            {"name": "custom", "version": 2, "chains": [{"level": "level2", "disposal": "化解", "steps": [
              {"key": "a", "target": {"type": "responsible_unit"}, "when": "at_once", "effect": "notify"},
              {"key": "b", "target": {"type": "responsible_unit"}, "when": "at_once", "effect": "notify"},
              {"key": "c", "target": {"type": "next_higher_centre"}, "when": "after_deadline", "delay": "4 hours",
               "effect": "notify"}
            ]}]}
            """)
        #expect(found.map(\.field) == ["chains[0].steps[2].delay"])
        #expect(found.first?.rule == "format")
    }

    @Test("an unknown target type, role or effect is reported at its field path")
    func unknownValues() {
        let base = """
            {"name": "custom", "version": 2, "chains": [{"level": "red", "disposal": "联合处置", "steps": [
              {"key": "a", "target": TARGET, "when": "at_once", "effect": "EFFECT"}]}]}
            """
        let badType = base.replacingOccurrences(of: "TARGET", with: #"{"type": "mayor"}"#)
            .replacingOccurrences(of: "EFFECT", with: "notify")
        #expect(violations(badType).map(\.field) == ["chains[0].steps[0].target.type"])
        let badRole = base.replacingOccurrences(of: "TARGET", with: #"{"type": "leader", "role": "mayor"}"#)
            .replacingOccurrences(of: "EFFECT", with: "notify")
        #expect(violations(badRole).map(\.field) == ["chains[0].steps[0].target.role"])
        let badEffect = base.replacingOccurrences(of: "TARGET", with: #"{"type": "responsible_unit"}"#)
            .replacingOccurrences(of: "EFFECT", with: "delete_posts")
        #expect(violations(badEffect).map(\.field) == ["chains[0].steps[0].effect"])
        let missingWhen = """
            {"name": "custom", "version": 2, "chains": [{"level": "red", "disposal": "x", "steps": [
              {"key": "a", "target": {"type": "responsible_unit"}, "effect": "notify"}]}]}
            """
        #expect(violations(missingWhen).map(\.field) == ["chains[0].steps[0].when"])
    }

    @Test("duplicate levels, duplicate step keys, empty chains and mismatched effects are each named")
    func semanticErrors() {
        let found = violations(
            """
            {"name": "Custom Policy", "version": 0, "chains": [
              {"level": "level1", "disposal": "化解", "steps": [
                {"key": "aa", "target": {"type": "responsible_unit"}, "when": "at_once", "effect": "joint_response"},
                {"key": "aa", "target": {"type": "responsible_unit"}, "when": "deadline", "effect": "take_over"},
                {"key": "bb", "target": {"type": "responsible_unit"}, "when": "deadline", "effect": "reassign_upward"}
              ]},
              {"level": "level1", "disposal": "", "steps": []},
              {"level": "none", "disposal": "无", "steps": [
                {"key": "aa", "target": {"type": "responsible_unit"}, "when": "at_once", "effect": "notify"}]}
            ]}
            """)
        let pairs = found.map { "\($0.field) \($0.rule)" }
        #expect(
            pairs == [
                "name format", "version range",
                "chains[0].steps[0].effect target", "chains[0].steps[1].key duplicate",
                "chains[0].steps[1].effect target", "chains[0].steps[2].effect target",
                "chains[1].level duplicate", "chains[1].disposal length", "chains[1].steps required",
                "chains[2].level unknown_value",
            ])
    }

    @Test("the preview shows the chain a level-2 dispute would follow, step by step")
    func previewLevelTwo() {
        let preview = EscalationPolicy.defaultPolicy.preview(level: .level2)
        #expect(preview.count == 2)
        #expect(preview[0].when == "立即")
        #expect(preview[0].target == "责任单位的政府主要领导")
        #expect(preview[1].when == "处置期限届满仍未化解时")
        #expect(preview[1].target == "责任单位的党委主要领导")
        #expect(preview[1].text.hasPrefix("2. 二级预警"))
        #expect(EscalationPolicy.defaultPolicy.preview(level: .none).isEmpty)
    }
}
