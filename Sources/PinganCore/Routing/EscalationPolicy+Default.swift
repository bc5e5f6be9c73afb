import Foundation

extension EscalationPolicy {
    /// The shipped escalation policy: BRIEF §2 exactly.
    ///
    /// Dispute levels (矛盾纠纷三级预警):
    /// - level 3: the street/township's deputy leader at once; unresolved by the deadline, its government principal
    ///   takes the case personally; a handler may ask for that earlier (一把手亲自化解, on demand).
    /// - level 2: the government principal at once; unresolved by the deadline, the party-committee principal.
    /// - level 1: the party-committee principal at once; unresolved by the deadline, the next higher centre puts the
    ///   case under supervision (Pingan's default; the source rule stops at the party principal).
    ///
    /// Colours (舆情风险四色预警):
    /// - blue: a low-priority monitoring notice to the responsible unit, no leader notified.
    /// - yellow: the responsible unit's handlers at once (verify and answer); unresolved by the deadline, its deputy.
    /// - orange: the responsible unit's government principal at once (leadership handles it), the lead and
    ///   participating units at once (joint handling); unresolved by the deadline, supervision by the next higher
    ///   centre.
    /// - red: a joint response group of the lead and participating units convened by the centre at once; the party
    ///   principal at once (leaders command); a progress report to the next higher centre 4 hours after the start
    ///   (边处置、边汇报); unresolved by the deadline, supervision by the next higher centre.
    public static let defaultPolicy = EscalationPolicy(
        name: "default", version: 1,
        chains: [
            EscalationChain(
                level: .level3, disposal: "可能引发越级集体上访:街道(乡镇)分管领导负责化解;逾期未化解的,由街道(乡镇)政府主要领导亲自化解。",
                steps: [
                    EscalationStep(
                        key: "deputy", target: .leader(.deputy, of: .responsibleUnit), when: .atOnce, effect: .notify,
                        note: "三级预警:通知街道(乡镇)分管领导"),
                    EscalationStep(
                        key: "principal-on-request", target: .leader(.governmentPrincipal, of: .responsibleUnit),
                        when: .onDemand, effect: .takeOver, note: "分管领导无法化解的,一把手亲自化解"),
                    EscalationStep(
                        key: "principal", target: .leader(.governmentPrincipal, of: .responsibleUnit),
                        when: .deadline, effect: .takeOver, note: "逾期未化解:街道(乡镇)政府主要领导亲自化解"),
                ]),
            EscalationChain(
                level: .level2, disposal: "可能引发群体性对抗:政府主要领导负责化解;逾期未化解的,报党委主要领导。",
                steps: [
                    EscalationStep(
                        key: "government-principal", target: .leader(.governmentPrincipal, of: .responsibleUnit),
                        when: .atOnce, effect: .notify, note: "二级预警:通知政府主要领导"),
                    EscalationStep(
                        key: "party-principal", target: .leader(.partyPrincipal, of: .responsibleUnit),
                        when: .deadline, effect: .notify, note: "逾期未化解:报党委主要领导"),
                ]),
            EscalationChain(
                level: .level1, disposal: "可能严重影响公共安全和社会稳定:立即报党委主要领导;逾期未化解的,报上一级综治中心督办。",
                steps: [
                    EscalationStep(
                        key: "party-principal", target: .leader(.partyPrincipal, of: .responsibleUnit),
                        when: .atOnce, effect: .notify, note: "一级预警:立即通知党委主要领导"),
                    EscalationStep(
                        key: "higher-centre", target: .nextHigherCentre, when: .deadline, effect: .raiseSupervision,
                        note: "逾期未化解:报上一级综治中心督办"),
                ]),
            EscalationChain(
                level: .blue, disposal: "敏感:持续监测,等级上升时处置。",
                steps: [
                    EscalationStep(
                        key: "monitor", target: .responsibleUnit, when: .atOnce, effect: .monitor,
                        note: "蓝色预警:责任单位持续监测")
                ]),
            EscalationChain(
                level: .yellow, disposal: "轻度:持续监测,责任单位核实情况并回应关切。",
                steps: [
                    EscalationStep(
                        key: "unit", target: .responsibleUnit, when: .atOnce, effect: .notify,
                        note: "黄色预警:责任单位核实并回应"),
                    EscalationStep(
                        key: "deputy", target: .leader(.deputy, of: .responsibleUnit), when: .deadline,
                        effect: .notify, note: "逾期未回应:通知责任单位分管领导"),
                ]),
            EscalationChain(
                level: .orange, disposal: "中度:责任单位领导负责处置,限时公开回应,相关单位联动处置。",
                steps: [
                    EscalationStep(
                        key: "leadership", target: .leader(.governmentPrincipal, of: .responsibleUnit), when: .atOnce,
                        effect: .notify, note: "橙色预警:责任单位领导负责处置"),
                    EscalationStep(
                        key: "joint-handling", target: .leadAndParticipants, when: .atOnce, effect: .notify,
                        note: "相关单位联动处置"),
                    EscalationStep(
                        key: "higher-centre", target: .nextHigherCentre, when: .deadline, effect: .raiseSupervision,
                        note: "逾期未公开回应:报上一级综治中心督办"),
                ]),
            EscalationChain(
                level: .red, disposal: "严重:综治中心牵头成立联合处置组(联席会议),领导指挥,持续发布信息,边处置、边汇报。",
                steps: [
                    EscalationStep(
                        key: "joint-response", target: .leadAndParticipants, when: .atOnce, effect: .jointResponse,
                        note: "红色预警:中心牵头成立联合处置组"),
                    EscalationStep(
                        key: "command", target: .leader(.partyPrincipal, of: .responsibleUnit), when: .atOnce,
                        effect: .notify, note: "领导指挥"),
                    EscalationStep(
                        key: "report", target: .nextHigherCentre, when: .afterStart,
                        delay: EscalationDelay(minutes: 240),
                        effect: .notify, note: "边处置、边汇报:向上一级综治中心报告进展"),
                    EscalationStep(
                        key: "higher-centre", target: .nextHigherCentre, when: .deadline, effect: .raiseSupervision,
                        note: "逾期未处置:报上一级综治中心督办"),
                ]),
        ])

    /// The shipped default as a JSON document (the form administrators edit), sorted and pretty-printed.
    public static var defaultPolicyJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(defaultPolicy) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
