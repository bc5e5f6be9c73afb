import Foundation
import PinganCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// Routing, merging, ledger metrics and monthly reconciliation.
    static var ledgerOperations: [OpenAPIOperation] {
        let month = P.path("month", "The month, `YYYY-MM`, in the centre's time zone (Asia/Shanghai).")
        return [
            .init(
                method: .get, path: "/api/v1/policies/routing", operationID: "getRoutingTable", tag: "routing",
                summary: "The routing table in force (谁主管谁负责, 属地管理)",
                responses: [200: R.json("The table and its version.", S.ref("RoutingTableAnswer"))]),
            .init(
                method: .put, path: "/api/v1/policies/routing", operationID: "replaceRoutingTable", tag: "routing",
                summary: "Replace the routing table (admins); stored as the next version",
                description: "Every rule is checked against the regions and units; each error names the rule's "
                    + "field path (`rules[2].region`).",
                body: S.ref("RoutingTable"),
                responses: [200: R.json("The table now in force.", S.ref("RoutingTableAnswer"))], errors: [403, 422]),
            .init(
                method: .post, path: "/api/v1/routing/proposals", operationID: "proposeRouting", tag: "routing",
                summary: "The router's proposal for a category and one or more regions, with the reason",
                body: S.object(
                    [
                        "category_code": S.string(),
                        "region_codes": S.array(S.string(), "Several for a cross-area case."),
                    ]
                ),
                responses: [200: R.json("The proposal.", S.ref("RoutingProposal"))], errors: [422]),
            .init(
                method: .post, path: "/api/v1/cases/{key}/merge", operationID: "mergeCase", tag: "cases",
                summary: "Merge this case into another (并单); both versions are checked",
                parameters: [P.path("key", "The case merged away: number or id.")],
                body: S.object(
                    [
                        "into": S.string("The case that is worked on: number or id."), "reason": S.string(),
                        "version": S.integer("This case's version."), "into_version": S.integer("The other's version."),
                    ]),
                responses: [200: R.json("Both cases after the merge.", S.ref("MergeResult"))],
                errors: [403, 409, 422]),
            .init(
                method: .get, path: "/api/v1/metrics/ledger", operationID: "ledgerMetrics", tag: "metrics",
                summary: "Ledger metrics for a unit or a region subtree over a period, every number explained",
                description: "Definitions in docs/METRICS.md. Give `unit` or `region` (default: the caller's scope).",
                parameters: [
                    P.query("unit", "A unit code.", schema: S.string()),
                    P.query("region", "A region code: its whole subtree.", schema: S.string()),
                    P.query("from", "Period start, inclusive (ISO 8601 with an offset).", schema: S.dateTime()),
                    P.query("to", "Period end, exclusive (ISO 8601 with an offset).", schema: S.dateTime()),
                ],
                responses: [200: R.json("The figures.", S.ref("LedgerMetrics"))], errors: [422]),
            .init(
                method: .get, path: "/api/v1/reconciliations/{month}", operationID: "monthlyReconciliation",
                tag: "reconciliation", summary: "Monthly reconciliation (每月交账): cases unresolved at month end, by unit",
                parameters: [month, P.query("unit", "Only this unit (code).", schema: S.string())],
                responses: [200: R.json("The listing.", S.ref("ReconciliationListing"))], errors: [422]),
            .init(
                method: .get, path: "/api/v1/reconciliations/{month}/consultations",
                operationID: "reconciliationConsultations", tag: "reconciliation",
                summary: "Cases flagged for joint consultation (会诊/联席会议) in a month's reconciliation",
                parameters: [month],
                responses: [200: R.json("The flagged cases.", S.ref("ReconciliationListing"))], errors: [422]),
            .init(
                method: .put, path: "/api/v1/reconciliations/{month}/cases/{number}",
                operationID: "recordReconciliationEntry", tag: "reconciliation",
                summary: "The unit's entry for a case: cause, responsible person, agreed new deadline",
                parameters: [month, P.path("number", "The case number.")],
                body: S.object(
                    [
                        "cause": S.string(), "responsible_person": S.string(), "new_deadline": S.dateTime(),
                        "consultation": S.boolean("Flag for joint consultation."),
                        "consultation_reason": S.string(),
                    ], optional: ["consultation", "consultation_reason"]),
                responses: [200: R.json("The case's reconciliation item.", S.ref("ReconciliationItem"))],
                errors: [403, 404, 422]),
        ]
    }

    static var ledgerSchemas: [String: OpenAPIValue] {
        let unitRef = S.object(["id": S.uuid(), "code": S.string(), "name": S.string()])
        return [
            "RoutingRule": S.object(
                [
                    "category": S.string("A code, `prefix.*` or `*`."), "region": S.string("A region code (subtree)."),
                    "responsible": S.string("A unit code or id, or `@territorial`."),
                    "participants": S.array(S.string()), "priority": S.integer(), "note": S.string(),
                ], optional: ["participants", "priority", "note"]),
            "RoutingTable": S.object(
                ["version": S.integer(), "rules": S.array(S.ref("RoutingRule"))], "A routing table document."),
            "RoutingTableAnswer": S.object(["table": S.ref("RoutingTable")]),
            "RoutingProposal": S.object(
                [
                    "responsible": unitRef, "participants": S.array(unitRef), "designating_centre": unitRef,
                    "basis": S.string(), "reason": S.string("Why, in words."), "table_version": S.integer(),
                    "effective_region_code": S.string(),
                ], optional: ["responsible", "designating_centre"]),
            "MergeResult": S.object(["merged": S.ref("Case"), "into": S.ref("Case")]),
            "LedgerFigure": S.object(
                [
                    "key": S.string(), "value": ["type": ["number", "null"]], "unit": S.string(),
                    "numerator": S.integer(), "denominator": S.integer(),
                    "breakdown": S.map(S.integer(), "Counts by level, for escalations."),
                    "cases": S.array(S.string(), "The case numbers behind the figure."), "definition": S.string(),
                    "explanation": S.string(),
                ], optional: ["numerator", "denominator", "breakdown"]),
            "LedgerMetrics": S.object(
                [
                    "scope": S.object(["kind": S.string(), "code": S.string(), "name": S.string()]),
                    "from": S.dateTime(), "to": S.dateTime(), "evaluated_at": S.dateTime(),
                    "percentile_method": S.string(),
                    "values": S.map(["type": ["number", "null"]], "Each figure's value by key."),
                    "figures": S.array(S.ref("LedgerFigure")),
                ]),
            "ReconciliationEntry": S.object(
                [
                    "cause": S.string(), "responsible_person": S.string(), "new_deadline": S.dateTime(),
                    "consultation": S.boolean(), "consultation_reason": S.string(), "recorded_by": S.string(),
                    "recorded_at": S.dateTime(),
                ], optional: ["consultation_reason"]),
            "ReconciliationItem": S.object(
                [
                    "number": S.string(), "title": S.string(), "kind": S.string(), "level": S.string(),
                    "region_code": S.string(), "status_at_month_end": S.string(), "status_now": S.string(),
                    "deadline_at_month_end": S.dateTime(), "days_overdue": S.integer(), "overdue": S.boolean(),
                    "entry": S.ref("ReconciliationEntry"),
                ], optional: ["deadline_at_month_end", "entry"]),
            "ReconciliationListing": S.object(
                [
                    "month": S.string(), "month_end": S.dateTime(), "evaluated_at": S.dateTime(), "total": S.integer(),
                    "units": S.array(
                        S.object(
                            [
                                "unit_code": S.string(), "unit_name": S.string(), "count": S.integer(),
                                "overdue": S.integer(), "items": S.array(S.ref("ReconciliationItem")),
                            ], optional: ["unit_code"])),
                ]),
        ]
    }
}
