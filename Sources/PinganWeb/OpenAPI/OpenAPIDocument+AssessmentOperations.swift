import Foundation
import PinganCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// Responsibility lists, assessment and the accountability ladder (issue 7).
    static var assessmentOperations: [OpenAPIOperation] {
        let base = "/api/v1/assessments/{period}/{region}/{list}"
        let key = [
            P.path("period", "The assessment period: a year (`2025`) or a quarter (`2025-Q2`)."),
            P.path("region", "The subject region's code."),
            P.path("list", "The list version's id; it must be activated for the period and region."),
        ]
        let caseID = P.path("id", "The accountability case's id.")
        let minimum = P.query(
            "minimum_scored_items", "Units with fewer scored items are listed unranked (default 1).",
            schema: S.integer(minimum: 1, maximum: 1000))
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let binary: OpenAPIValue = ["type": "string", "contentMediaType": .string(xlsx)]
        return listOperations + [
            .init(
                method: .post, path: "\(base)/bindings", operationID: "bindAssessmentItem", tag: "assessment",
                summary: "Make an item automatic: bind it to a ledger indicator with a scoring function",
                parameters: key,
                body: S.object(
                    [
                        "item": S.string("The item's key (`一/1`)."),
                        "indicator": S.enumeration(AssessmentIndicator.self),
                        "function": S.object(
                            [
                                "kind": S.strings(["all_or_nothing", "linear", "steps"]),
                                "target": S.number("A fraction: 0.9 for 90%."),
                                "floor": S.number("For `linear`: no points at or below it."),
                                "steps": S.array(S.object(["minimum": S.number(), "share": S.number("0–1.")])),
                            ], optional: ["target", "floor", "steps"]),
                    ]),
                responses: [204: R.empty("Bound.")], errors: [404]),
            .init(
                method: .post, path: "\(base)/scores", operationID: "scoreAssessmentItem", tag: "assessment",
                summary: "An assessor's score of an item, with comment and evidence hashes",
                description: "Scores are never overwritten: a later score of the same item and unit supersedes.",
                parameters: key,
                body: S.object(
                    [
                        "item": S.string("The item's key (`一/1`)."),
                        "unit": S.string("A lead unit's code, to score that unit; absent for the subject as a whole."),
                        "points": S.number("0 to the item's points."), "comment": S.string(),
                        "evidence": S.array(S.ref("Evidence")),
                    ], optional: ["unit", "evidence"]),
                responses: [201: R.json("The score.", S.ref("ItemScore"))], errors: [404, 422]),
            .init(
                method: .post, path: "\(base)/scores/automatic", operationID: "scoreAutomaticItems",
                tag: "assessment", summary: "Score every automatic item from the ledger, once per lead unit",
                parameters: key,
                responses: [200: R.json("The scores set.", S.object(["items": S.array(S.ref("ItemScore"))]))],
                errors: [404, 422]),
            .init(
                method: .post, path: "\(base)/incidents", operationID: "recordIncident", tag: "assessment",
                summary: "Record an incident against a negative-list entry; deductions follow",
                description: "When the unit's major incidents reach the ladder's trigger (2 within 90 days by "
                    + "default), an accountability case is opened and returned.",
                parameters: key,
                body: S.object(
                    [
                        "occurred_at": S.dateTime("Within the period."), "region": S.string("Within the subject."),
                        "unit": S.string("The unit's code."), "kind": S.string(),
                        "severity": S.string("As the entry's rule names it (重大, 特别重大)."),
                        "persons": S.integer(minimum: 0), "description": S.string(),
                        "source_case": S.string("The case number."), "entry": S.string("The entry's key."),
                    ], optional: ["severity", "persons", "source_case"]),
                responses: [201: R.json("The incident.", S.ref("IncidentAnswer"))], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/scorecards/{unit}", operationID: "unitScorecard", tag: "assessment",
                summary: "A unit's scorecard: the items it leads, points earned and lost and why, deductions",
                parameters: key + [P.path("unit", "The unit's code.")],
                responses: [200: R.json("The scorecard.", S.ref("Scorecard"))], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/ranking", operationID: "assessmentRanking", tag: "assessment",
                summary: "The units ranked by their share of the scored points",
                parameters: key + [minimum],
                responses: [200: R.json("The ranking.", S.ref("Ranking"))], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/ranking.csv", operationID: "assessmentRankingCSV", tag: "assessment",
                summary: "The ranking as CSV for Excel (UTF-8 with BOM, bilingual header)",
                parameters: key + [minimum],
                responses: [200: R.content("The ranking.", mediaType: "text/csv", S.string())], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/ranking.xlsx", operationID: "assessmentRankingXLSX", tag: "assessment",
                summary: "The ranking as an XLSX workbook (one sheet, the CSV's rows; numbers as number cells)",
                parameters: key + [minimum],
                responses: [200: R.content("The ranking.", mediaType: xlsx, binary)], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/scorecards/{unit}/export.csv", operationID: "unitScorecardCSV",
                tag: "assessment", summary: "A unit's scorecard as CSV for Excel",
                parameters: key + [P.path("unit", "The unit's code.")],
                responses: [200: R.content("The scorecard.", mediaType: "text/csv", S.string())], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/scorecards/{unit}/export.xlsx", operationID: "unitScorecardXLSX",
                tag: "assessment", summary: "A unit's scorecard as an XLSX workbook (one sheet, the CSV's rows)",
                parameters: key + [P.path("unit", "The unit's code.")],
                responses: [200: R.content("The scorecard.", mediaType: xlsx, binary)], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/scorecards/{unit}/report.html", operationID: "unitScorecardReport",
                tag: "assessment", summary: "A printable HTML report of a unit's scorecard",
                parameters: key + [P.path("unit", "The unit's code.")],
                responses: [200: R.content("The report.", mediaType: "text/html", S.string())], errors: [404, 422]),
            .init(
                method: .get, path: "\(base)/report.html", operationID: "assessmentReport", tag: "assessment",
                summary: "A printable HTML report for the subject as a whole: the ranking and every unit's scorecard",
                parameters: key,
                responses: [200: R.content("The report.", mediaType: "text/html", S.string())], errors: [404, 422]),
            .init(
                method: .post, path: "\(base)/conclusion", operationID: "concludeAssessment", tag: "assessment",
                summary: "Conclude: every unit below the pass mark enters the ladder at 通报 (once)",
                parameters: key,
                responses: [
                    200: R.json("The cases opened now.", S.object(["items": S.array(S.ref("AccountabilityCase"))]))
                ], errors: [404, 422]),
            .init(
                method: .post, path: "/api/v1/scores/{id}/appeals", operationID: "fileAppeal", tag: "assessment",
                summary: "Appeal (申诉) against a score, by the unit's handlers or leaders",
                parameters: [P.path("id", "The score's id.")], body: S.object(["reason": S.string()]),
                responses: [201: R.json("The appeal.", S.ref("Appeal"))], errors: [404, 422]),
            .init(
                method: .post, path: "/api/v1/appeals/{id}/decision", operationID: "decideAppeal", tag: "assessment",
                summary: "The assessor's decision on an appeal; an upheld one sets a new score",
                parameters: [P.path("id", "The appeal's id.")],
                body: S.object(
                    ["upheld": S.boolean(), "points": S.number("The new points, when upheld."), "note": S.string()],
                    optional: ["points"]),
                responses: [
                    200: R.json(
                        "The decided appeal and the new score.",
                        S.object(["appeal": S.ref("Appeal"), "score": S.ref("ItemScore")], optional: ["score"]))
                ], errors: [404, 409, 422]),
            .init(
                method: .get, path: "/api/v1/accountability-cases", operationID: "accountabilityCases", tag: "ladder",
                summary: "Accountability cases of a unit (or all, for assessors), as they stand now",
                parameters: [P.query("unit", "A unit's code.", schema: S.string())],
                responses: [200: R.json("The cases.", S.object(["items": S.array(S.ref("AccountabilityCase"))]))],
                errors: [404]),
            .init(
                method: .post, path: "/api/v1/accountability-cases", operationID: "openAccountabilityCase",
                tag: "ladder", summary: "Open a case for strongly reported problems left unanswered",
                body: S.object(["unit": S.string("The unit's code."), "description": S.string()]),
                responses: [201: R.json("The case, at 通报.", S.ref("AccountabilityCase"))], errors: [422]),
            .init(
                method: .post, path: "/api/v1/accountability-cases/advance", operationID: "advanceLadder",
                tag: "ladder", summary: "Take every step whose rectification deadline has passed",
                responses: [200: R.json("The cases moved.", S.object(["items": S.array(S.ref("AccountabilityCase"))]))]),
            .init(
                method: .post, path: "/api/v1/accountability-cases/{id}/circumstances",
                operationID: "recordCircumstance", tag: "ladder",
                summary: "An aggravating (one step up at once) or mitigating (deadline extended) circumstance",
                parameters: [caseID],
                body: S.object(
                    ["kind": S.enumeration(AccountabilityCase.Circumstance.Kind.self), "note": S.string()]),
                responses: [200: R.json("The case.", S.ref("AccountabilityCase"))], errors: [404, 422]),
            .init(
                method: .post, path: "/api/v1/accountability-cases/{id}/rectifications",
                operationID: "recordRectification", tag: "ladder",
                summary: "A rectification result (整改结果); an accepted one closes the case",
                parameters: [caseID], body: S.object(["note": S.string(), "accepted": S.boolean()]),
                responses: [200: R.json("The case.", S.ref("AccountabilityCase"))], errors: [404, 409, 422]),
            .init(
                method: .get, path: "/api/v1/units/{code}/eligibility", operationID: "honoursEligibility",
                tag: "ladder", summary: "Is the unit eligible for honours, awards, promotion on a date, and if not why",
                parameters: [
                    P.path("code", "The unit's code."),
                    P.query("date", "The date asked about (ISO 8601 with an offset); required.", schema: S.dateTime()),
                ],
                responses: [200: R.json("The answer.", S.ref("Eligibility"))], errors: [404, 422]),
        ]
    }

    private static var listOperations: [OpenAPIOperation] {
        [
            .init(
                method: .post, path: "/api/v1/lists", operationID: "importList", tag: "lists",
                summary: "Import a responsibility-list document (text, csv, xlsx, yaml); each list becomes a version",
                description: "Formats in docs/LISTS.md. Unit names are matched to units by name and aliases; "
                    + "unmatched names are reported. An empty document, no list, a list naming no units or a "
                    + "malformed one is a 422 on `file` and nothing is written. `dry_run` answers 200 and stores "
                    + "nothing. An xlsx workbook's `content` is its bytes in base64 (else a 422 on `content`, rule "
                    + "`base64`); its first worksheet is read in the CSV layout.",
                body: S.object(
                    [
                        "format": S.strings(ListImportFormat.allCases.map(\.rawValue)),
                        "content": S.string("The document's text; for xlsx, the workbook in base64."),
                        "strict": S.boolean("Refuse when any warning or error, or an unmatched unit, is found."),
                        "dry_run": S.boolean(),
                    ], optional: ["strict", "dry_run"]),
                responses: [
                    201: R.json("The versions stored.", S.ref("ListImport")),
                    200: R.json("A dry run: nothing stored.", S.ref("ListImport")),
                ], errors: [422]),
            .init(
                method: .get, path: "/api/v1/lists", operationID: "listVersions", tag: "lists",
                summary: "Every stored list version",
                responses: [200: R.json("The versions.", S.object(["items": S.array(S.ref("ListVersion"))]))]),
            .init(
                method: .get, path: "/api/v1/lists/{id}", operationID: "getListVersion", tag: "lists",
                summary: "A list version with its items, negative list, unit matching and canonical YAML",
                parameters: [P.path("id", "The version's id.")],
                responses: [200: R.json("The version.", S.ref("ListVersion"))], errors: [404]),
            .init(
                method: .post, path: "/api/v1/lists/{id}/activations", operationID: "activateList", tag: "lists",
                summary: "Activate a version for an assessment period and subject region",
                parameters: [P.path("id", "The version's id.")],
                body: S.object(["period": S.string("`2025` or `2025-Q2`."), "region": S.string("A region code.")]),
                responses: [201: R.json("The activation.", S.ref("ListActivation"))], errors: [404, 422]),
            .init(
                method: .get, path: "/api/v1/list-activations", operationID: "listActivations", tag: "lists",
                summary: "The list versions activated, by period and region",
                parameters: [
                    P.query("period", "Only this period.", schema: S.string()),
                    P.query("region", "Only this region's code.", schema: S.string()),
                ],
                responses: [200: R.json("The activations.", S.object(["items": S.array(S.ref("ListActivation"))]))],
                errors: [422]),
        ]
    }

    static var assessmentSchemas: [String: OpenAPIValue] {
        [
            "ListVersion": S.object(
                [
                    "id": S.uuid(), "title": S.string(), "version": S.integer(), "points": S.number(),
                    "source_format": S.string(), "source_digest": S.string("SHA-256 of the imported document."),
                    "imported_by": S.string(), "imported_at": S.dateTime(),
                    "unit_matches": S.array(
                        S.object(
                            [
                                "name": S.string(), "unit_id": S.uuid(),
                                "basis": S.string("How it matched, or no_unit / ambiguous / collective."),
                            ], optional: ["unit_id"])),
                    "items": S.array(
                        S.object(
                            [
                                "key": S.string(), "title": S.string(), "points": S.number(),
                                "lead_units": S.array(S.string()),
                            ], optional: ["points"])),
                    "negative_list": S.array(
                        S.object(
                            ["key": S.string(), "text": S.string(), "rule": S.string(), "flag": S.string()],
                            optional: ["rule", "flag"])),
                    "yaml": S.string("The canonical YAML (single version only)."),
                ], optional: ["points", "yaml"]),
            "ListImport": S.object(
                [
                    "stored": S.array(S.ref("ListVersion")),
                    "problems": S.array(
                        S.object(
                            [
                                "line": S.integer(), "severity": S.strings(["notice", "warning", "error"]),
                                "kind": S.string(), "message": S.string(),
                            ], optional: ["line"])),
                    "unmatched_units": S.array(
                        S.object(["list": S.string(), "name": S.string(), "reason": S.string()])),
                ]),
            "ListActivation": S.object(
                [
                    "period": S.string(), "region_code": S.string(), "list_title": S.string(), "list_id": S.uuid(),
                    "activated_by": S.string(), "activated_at": S.dateTime(),
                ]),
            "Evidence": S.object(
                ["file_name": S.string(), "sha256": S.string("64 lower-case hex digits.")],
                "An evidence file by its hash."),
            "ItemScore": S.object(
                [
                    "id": S.uuid(), "list_id": S.uuid(), "list_version": S.integer(), "period": S.string(),
                    "region_code": S.string(), "item_key": S.string(), "unit_id": S.uuid(), "points": S.number(),
                    "maximum": S.number(), "source": S.strings(["manual", "automatic", "appeal"]),
                    "evidence": S.array(S.ref("Evidence")), "indicator": S.enumeration(AssessmentIndicator.self),
                    "value": S.number(), "appeal_id": S.uuid(), "explanation": S.string(), "set_by": S.string(),
                    "set_at": S.dateTime(),
                ], optional: ["unit_id", "evidence", "indicator", "value", "appeal_id"]),
            "IncidentAnswer": S.object(
                [
                    "incident": S.object(
                        [
                            "id": S.uuid(), "occurred_at": S.dateTime(), "region_code": S.string(),
                            "unit_id": S.uuid(), "kind": S.string(), "severity": S.string(),
                            "persons": S.integer(), "description": S.string(), "source_case": S.string(),
                            "entry_key": S.string(), "recorded_by": S.string(), "recorded_at": S.dateTime(),
                        ], optional: ["severity", "source_case"]),
                    "opened_case": S.ref("AccountabilityCase"),
                ], optional: ["opened_case"]),
            "Scorecard": S.object(
                [
                    "unit_code": S.string(), "unit_name": S.string(), "list_id": S.uuid(), "maximum": S.number(),
                    "scored_maximum": S.number(), "earned": S.number(), "deducted": S.number(), "total": S.number(),
                    "share": S.number("total ÷ scored_maximum; absent when nothing is scored."),
                    "scored_items": S.integer(), "failed": S.boolean(),
                    "lines": S.array(
                        S.object(
                            [
                                "item_key": S.string(), "title": S.string(), "maximum": S.number(),
                                "earned": S.number(), "lost": S.number(), "explanation": S.string(),
                                "score_id": S.uuid(),
                            ], optional: ["earned", "lost", "score_id"])),
                    "deductions": S.array(
                        S.object(
                            [
                                "entry_key": S.string(), "text": S.string(), "points": S.number(),
                                "explanation": S.string(), "incident_ids": S.array(S.uuid()),
                            ])),
                ], optional: ["share"]),
            "Ranking": S.object(
                [
                    "minimum_scored_items": S.integer(),
                    "ranked": S.array(
                        S.object(
                            [
                                "rank": S.integer(), "unit_code": S.string(), "unit_name": S.string(),
                                "share": S.number(), "total": S.number(), "scored_items": S.integer(),
                            ], optional: ["share"])),
                    "unranked": S.array(
                        S.object(
                            [
                                "unit_code": S.string(), "unit_name": S.string(), "scored_items": S.integer(),
                                "reason": S.string(),
                            ])),
                ]),
            "Appeal": S.object(
                [
                    "id": S.uuid(), "score_id": S.uuid(), "unit_id": S.uuid(), "reason": S.string(),
                    "filed_by": S.string(), "filed_at": S.dateTime(),
                    "decision": S.object(
                        [
                            "upheld": S.boolean(), "points": S.number(), "note": S.string(),
                            "decided_by": S.string(), "decided_at": S.dateTime(),
                        ], optional: ["points"]),
                ], optional: ["unit_id", "decision"]),
            "AccountabilityCase": S.object(
                [
                    "id": S.uuid(), "unit_id": S.uuid(), "trigger": S.string(), "opened_by": S.string(),
                    "current_step": S.enumeration(LadderStep.self),
                    "steps": S.array(
                        S.object(
                            [
                                "step": S.enumeration(LadderStep.self), "name": S.string("通报, 约谈, 挂牌督办, 一票否决."),
                                "at": S.dateTime(), "deadline": S.dateTime("The rectification deadline."),
                                "reason": S.string(),
                            ])),
                    "circumstances": S.array(
                        S.object(
                            [
                                "kind": S.enumeration(AccountabilityCase.Circumstance.Kind.self),
                                "aggravating": S.boolean(), "note": S.string(), "recorded_by": S.string(),
                                "at": S.dateTime(),
                            ])),
                    "rectifications": S.array(
                        S.object(
                            [
                                "note": S.string(), "accepted": S.boolean(), "recorded_by": S.string(),
                                "at": S.dateTime(),
                            ])),
                    "closed_at": S.dateTime(),
                ], optional: ["current_step", "closed_at"]),
            "Eligibility": S.object(
                [
                    "unit_code": S.string(), "date": S.dateTime(), "honours": S.boolean(), "awards": S.boolean(),
                    "promotion": S.boolean(),
                    "bars": S.array(
                        S.object(
                            [
                                "consequences": S.array(S.enumeration(LadderConsequence.self)),
                                "from": S.dateTime(), "until": S.dateTime(), "step": S.enumeration(LadderStep.self),
                                "case_id": S.uuid(), "reason": S.string(),
                            ])),
                ]),
        ]
    }
}
