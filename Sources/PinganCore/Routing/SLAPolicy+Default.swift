import Foundation

extension SLAPolicy {
    /// The shipped SLA policy (BRIEF §1 "限时化解", §2 graded warnings). Pingan's defaults, chosen to be strict where the
    /// brief's warnings are severe and to match the usual "受理后5个工作日内办结" promise for citizen requests:
    ///
    /// | kind | category | level | accept | resolve |
    /// | --- | --- | --- | --- | --- |
    /// | dispute | * | — | 1 working day | 15 working days |
    /// | dispute | * | level3 | 4 hours | 10 working days |
    /// | dispute | * | level2 | 2 hours | 5 working days |
    /// | dispute | * | level1 | 1 hour | 3 working days |
    /// | hazard | * | — | 4 hours | 5 working days |
    /// | request | * | — | 1 working day | 5 working days |
    /// | opinion_warning | * | — | 1 working day | 5 working days |
    /// | opinion_warning | * | blue | 1 working day | 10 working days |
    /// | opinion_warning | * | yellow | 4 hours | 3 working days |
    /// | opinion_warning | * | orange | 2 hours | 24 hours |
    /// | opinion_warning | * | red | 1 hour | 24 hours |
    /// | incident | * | — | 1 hour | 24 hours |
    public static let defaultPolicy = SLAPolicy(
        name: "default", version: 1,
        rules: [
            Rule(kind: .dispute, accept: .workingDays(1), resolve: .workingDays(15)),
            Rule(kind: .dispute, level: .level3, accept: .hours(4), resolve: .workingDays(10)),
            Rule(kind: .dispute, level: .level2, accept: .hours(2), resolve: .workingDays(5)),
            Rule(kind: .dispute, level: .level1, accept: .hours(1), resolve: .workingDays(3)),
            Rule(kind: .hazard, accept: .hours(4), resolve: .workingDays(5)),
            Rule(kind: .request, accept: .workingDays(1), resolve: .workingDays(5)),
            Rule(kind: .opinionWarning, accept: .workingDays(1), resolve: .workingDays(5)),
            Rule(kind: .opinionWarning, level: .blue, accept: .workingDays(1), resolve: .workingDays(10)),
            Rule(kind: .opinionWarning, level: .yellow, accept: .hours(4), resolve: .workingDays(3)),
            Rule(kind: .opinionWarning, level: .orange, accept: .hours(2), resolve: .hours(24)),
            Rule(kind: .opinionWarning, level: .red, accept: .hours(1), resolve: .hours(24)),
            Rule(kind: .incident, accept: .hours(1), resolve: .hours(24)),
        ])
}
