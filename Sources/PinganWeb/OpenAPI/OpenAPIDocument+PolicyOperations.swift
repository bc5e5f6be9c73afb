import Foundation
import PinganCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// The SLA policy, the escalation policy and the working-day calendar (admin-edited, versioned documents).
    static var policyOperations: [OpenAPIOperation] {
        let kinds: [(kind: String, schema: String, title: String)] = [
            ("sla", "SLAPolicyDocument", "the SLA policy (时限: time to accept and to resolve)"),
            ("escalation", "EscalationPolicyDocument", "the escalation policy (预警升级规则, BRIEF §2)"),
            ("calendar", "WorkCalendarDocument", "the working-day calendar (工作日历: holidays and 调休)"),
        ]
        var operations: [OpenAPIOperation] = []
        for (kind, schema, title) in kinds {
            let name = kind.prefix(1).uppercased() + kind.dropFirst()
            operations += [
                .init(
                    method: .get, path: "/api/v1/policies/\(kind)", operationID: "get\(name)Policy", tag: "policies",
                    summary: "The version of \(title) in force (the shipped default until an admin stores one)",
                    responses: [200: R.json("The document in force.", version(schema))]),
                .init(
                    method: .put, path: "/api/v1/policies/\(kind)", operationID: "replace\(name)Policy",
                    tag: "policies", summary: "Store a new version of \(title) (admins)",
                    description: "The document is validated completely; every error names its field path. The "
                        + "`version` inside is set to the stored version. Cases keep the escalation policy version "
                        + "their chain started under; intake uses the SLA policy and calendar in force.",
                    body: S.ref(schema),
                    responses: [200: R.json("The version now in force.", version(schema))], errors: [403, 422]),
                .init(
                    method: .get, path: "/api/v1/policies/\(kind)/versions", operationID: "list\(name)Versions",
                    tag: "policies", summary: "The stored versions of \(title), newest first",
                    responses: [200: R.json("The versions.", S.object(["items": S.array(version(schema))]))]),
            ]
        }
        operations += [
            .init(
                method: .put, path: "/api/v1/policies/calendar/years/{year}", operationID: "loadCalendarYear",
                tag: "policies", summary: "Load one year's holidays and adjusted working days (admins)",
                description: "Typically the State Council's notice for the coming year; replaces that year "
                    + "(a provisional year included) and stores the calendar as the next version.",
                parameters: [P.path("year", "The year, 4 digits.")], body: S.ref("WorkCalendarYear"),
                responses: [200: R.json("The calendar now in force.", version("WorkCalendarDocument"))],
                errors: [403, 422]),
            .init(
                method: .get, path: "/api/v1/policies/escalation/preview", operationID: "previewEscalationChain",
                tag: "policies", summary: "The chain a case of a warning level would follow, explained step by step",
                parameters: [
                    P.query(
                        "level", "A warning level (default `level2`).",
                        schema: S.strings(WarningLevel.allCases.filter { $0 != .none }.map(\.rawValue)))
                ],
                responses: [
                    200: R.json(
                        "The steps.",
                        S.object(
                            [
                                "level": S.string(), "policy_version": S.integer(),
                                "steps": S.array(
                                    S.object([
                                        "key": S.string(), "when": S.string(), "target": S.string(),
                                        "effect": S.string(), "text": S.string(),
                                    ])),
                            ]))
                ], errors: [422]),
        ]
        return operations
    }

    private static func version(_ schema: String) -> OpenAPIValue {
        S.object(
            [
                "kind": S.string(), "version": S.integer(),
                "shipped": S.boolean("True for the shipped default (nothing stored yet)."),
                "created_at": S.dateTime(), "created_by": S.string(), "document": S.ref(schema),
            ], optional: ["created_at", "created_by"])
    }

    static var policySchemas: [String: OpenAPIValue] {
        let free: OpenAPIValue = ["type": "object", "description": "See docs/ROUTING.md for the fields."]
        return [
            "SLAPolicyDocument": S.object(
                ["name": S.string(), "version": S.integer(), "rules": S.array(free)],
                "An SLA policy: per kind, category pattern and level, `accept` and `resolve` as "
                    + "`{\"hours\": n}` or `{\"working_days\": n}`."),
            "EscalationPolicyDocument": S.object(
                ["name": S.string(), "version": S.integer(), "chains": S.array(free)],
                "An escalation policy: one chain of steps per warning level."),
            "WorkCalendarYear": S.object(
                [
                    "source": S.string("The notice the dates come from."),
                    "holidays": S.array(S.string(), "Days off, `YYYY-MM-DD`."),
                    "workdays": S.array(S.string(), "Weekend days that are working days (调休上班)."),
                    "provisional": S.boolean("Derived from the statutory rules before the official notice."),
                ], optional: ["source", "provisional"]),
            "WorkCalendarDocument": S.object(
                [
                    "name": S.string(), "version": S.integer(), "time_zone": S.string(),
                    "years": S.map(S.ref("WorkCalendarYear"), "Keyed by the year (`\"2027\"`)."),
                ]),
        ]
    }
}
