import Foundation
import PinganCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema

    /// `components.schemas`: every body the API reads or writes, with the snake_case names it uses on the wire.
    static var schemas: [String: OpenAPIValue] {
        var schemas: [String: OpenAPIValue] = [:]
        schemas.merge(problemSchemas) { _, new in new }
        schemas.merge(accountSchemas) { _, new in new }
        schemas.merge(caseSchemas) { _, new in new }
        schemas.merge(notificationSchemas) { _, new in new }
        schemas.merge(ledgerSchemas) { _, new in new }
        schemas.merge(policySchemas) { _, new in new }
        schemas.merge(assessmentSchemas) { _, new in new }
        schemas.merge(feedbackSchemas) { _, new in new }
        return schemas
    }

    private static var problemSchemas: [String: OpenAPIValue] {
        [
            "FieldViolation": S.object(
                [
                    "field": S.string("The field, as a path in the body or the query (`parties[0].phone`, `limit`)."),
                    "rule": S.string("The rule it broke (`required`, `format`, `unknown_value`, `range`, …)."),
                    "detail": S.string("What is wrong, for people."),
                ], "One field and the rule it broke."),
            "Problem": S.object(
                [
                    "type": S.string("A relative URI under `/problems/` naming the kind of problem."),
                    "title": S.string("A short summary of the kind of problem."),
                    "status": S.integer("The HTTP status code."),
                    "detail": S.string("What went wrong in this request."),
                    "instance": S.string("The request path."),
                    "request_id": S.string("The request's id, as in the `X-Request-Id` header and the server log."),
                    "errors": S.array(S.ref("FieldViolation"), "Every field at fault (validation problems)."),
                    "allowed": S.array(
                        S.enumeration(CaseActionName.self),
                        "The lifecycle actions allowed in the case's state (illegal transitions)."),
                    "retry_after": S.integer("Seconds to wait (throttled logins)."),
                ], optional: ["instance", "request_id", "errors", "allowed", "retry_after"],
                "RFC 9457 problem details (`application/problem+json`)."),
            "Status": S.object(["status": S.strings(["ok", "ready"])]),
        ]
    }

    private static var accountSchemas: [String: OpenAPIValue] {
        [
            "Credentials": S.object(["username": S.string(), "password": S.string()]),
            "Token": S.object(
                [
                    "token": S.string("The bearer token; shown this once."), "token_type": S.strings(["Bearer"]),
                    "token_id": S.uuid(), "expires_at": S.dateTime(),
                ]),
            "Session": S.object(
                [
                    "username": S.string(), "expires_at": S.dateTime(),
                    "csrf_token": S.string("Send as `X-CSRF-Token` on unsafe requests made with the session cookie."),
                ]),
            "NewToken": S.object(
                [
                    "username": S.string("The user the token acts as."), "name": S.string("What the token is for."),
                    "lifetime_days": S.integer("Days until it expires; 365 when left out."),
                ], optional: ["lifetime_days"]),
            "Me": S.object(
                [
                    "username": S.string(), "roles": S.array(S.enumeration(Role.self)), "unit_id": S.uuid(),
                    "region_path": S.string("Region codes from the root to the unit's region, joined by `/`."),
                ]),
            "Region": S.object(
                [
                    "code": S.string(), "name": S.string(), "level": S.enumeration(RegionLevel.self),
                    "parent_code": S.string("Absent for the root."),
                    "path": S.string("Codes from the root to this region, joined by `/`."),
                ], optional: ["parent_code"]),
            "NewRegion": S.object(
                [
                    "code": S.string(), "name": S.string(), "level": S.enumeration(RegionLevel.self),
                    "parent_code": S.string(),
                ], optional: ["parent_code"]),
            "Unit": S.object(
                [
                    "id": S.uuid(), "code": S.string(), "name": S.string(), "kind": S.enumeration(UnitKind.self),
                    "region_code": S.string(), "parent_id": S.uuid("The parent unit; absent for a top unit."),
                    "aliases": S.array(S.string()),
                    "leaders": S.map(
                        S.string("The leader's username."), keys: LeaderRole.allCases.map(\.rawValue),
                        "Leader post → username (BRIEF §2 escalation targets)."),
                ], optional: ["parent_id"]),
            "NewUnit": S.object(
                [
                    "code": S.string(), "name": S.string(), "kind": S.enumeration(UnitKind.self),
                    "region_code": S.string(), "parent_code": S.string(), "aliases": S.array(S.string()),
                ], optional: ["parent_code", "aliases"]),
            "Leaders": S.object(
                [
                    "leaders": S.map(
                        ["type": ["string", "null"]], keys: LeaderRole.allCases.map(\.rawValue),
                        "Leader post → username; `null` removes the post's leader.")
                ]),
            "User": S.object(
                [
                    "id": S.uuid(), "username": S.string(), "display_name": S.string(),
                    "roles": S.array(S.enumeration(Role.self)), "unit_id": S.uuid(), "disabled": S.boolean(),
                ]),
            "NewUser": S.object(
                [
                    "username": S.string(), "display_name": S.string(), "roles": S.array(S.enumeration(Role.self)),
                    "unit_code": S.string(), "password": S.string("Left out: the server generates one."),
                ], optional: ["password"]),
            "CreatedUser": S.object(
                [
                    "user": S.ref("User"),
                    "generated_password": S.string("Present only when the server generated it; shown this once."),
                ], optional: ["generated_password"]),
            "NewPassword": S.object(
                ["password": S.string("Left out: the server generates one.")], optional: ["password"]),
            "PasswordResult": S.object(
                ["generated_password": S.string("Present only when the server generated it; shown this once.")],
                optional: ["generated_password"]),
            "AuditEntry": S.object(
                [
                    "seq": S.integer(), "at": S.dateTime(), "actor": S.string(), "action": S.string(),
                    "object_type": S.string(), "object_id": S.string(),
                    "change": S.string("The change as canonical JSON text (never personal data)."),
                    "change_digest": S.string(), "previous_hash": S.string(), "hash": S.string(),
                ]),
            "AuditVerification": S.object(
                [
                    "intact": S.boolean(), "checked": S.integer(), "first_broken_seq": S.integer(),
                    "reason": S.string(),
                ], optional: ["first_broken_seq", "reason"]),
        ]
    }

    private static var caseSchemas: [String: OpenAPIValue] {
        [
            "ActorRef": S.object(
                [
                    "kind": S.enumeration(ActorRef.Kind.self), "user_id": S.uuid(), "name": S.string(),
                    "unit_id": S.uuid(),
                ], optional: ["user_id", "unit_id"], "Who did something: a user, the system, or an anonymous citizen."),
            "Supervision": S.object(
                ["deadline": S.dateTime(), "reason": S.string(), "since": S.dateTime(), "by": S.ref("ActorRef")],
                "Supervision (督办) with its own deadline."),
            "ExtensionRequest": S.object(
                [
                    "requested_deadline": S.dateTime(), "reason": S.string(), "requested_at": S.dateTime(),
                    "requested_by": S.ref("ActorRef"),
                ], "A pending deadline extension (延期申请)."),
            "Resolution": S.object(
                [
                    "channel": S.enumeration(ResolutionChannel.self), "result": S.string(),
                    "resolved_at": S.dateTime(), "resolved_by": S.ref("ActorRef"),
                ]),
            "Case": S.object(
                [
                    "id": S.uuid(), "number": S.string("`PA-2026-000123`"), "kind": S.enumeration(CaseKind.self),
                    "category_code": S.string(), "region_code": S.string(), "source": S.enumeration(SourceChannel.self),
                    "title": S.string(), "description": S.string(),
                    "has_parties": S.boolean("Whether parties are recorded; their data is only at `/parties`."),
                    "level": S.enumeration(WarningLevel.self), "responsible_unit_id": S.uuid(),
                    "responsible_person_id": S.uuid(),
                    // The encoder's snake_case conversion spells `participatingUnitIDs` this way; documented as sent.
                    "participating_unit_i_ds": S.array(S.uuid(), "The participating units (参与单位)."),
                    "lead_contested": S.boolean(), "deadline": S.dateTime(), "accept_deadline": S.dateTime(),
                    "status": S.enumeration(CaseStatus.self), "supervision": S.ref("Supervision"),
                    "pending_extension": S.ref("ExtensionRequest"), "resolution": S.ref("Resolution"),
                    "feedback": S.enumeration(CaseFeedback.self), "closed_at": S.dateTime(), "merged_into": S.uuid(),
                    "reopen_count": S.integer(), "return_count": S.integer(), "is_public": S.boolean(),
                    "version": S.integer("The optimistic-lock version; send it back with an action."),
                    "created_at": S.dateTime(), "updated_at": S.dateTime(),
                ],
                optional: [
                    "responsible_unit_id", "responsible_person_id", "deadline", "accept_deadline", "supervision",
                    "pending_extension", "resolution", "feedback", "closed_at", "merged_into",
                ], "A case of the ledger (台账). Parties' personal data is never part of it (BRIEF §6)."),
            "CaseWithActions": S.object(
                [
                    "case": S.ref("Case"),
                    "allowed_actions": S.array(
                        S.enumeration(CaseActionName.self, excluding: [.mergeInto]),
                        "What the caller may do now (state table and role)."),
                ]),
            "Intake": S.object(
                [
                    "case": S.ref("Case"),
                    "allowed_actions": S.array(S.enumeration(CaseActionName.self, excluding: [.mergeInto])),
                    "deadline_explanation": S.string("How the SLA policy set the deadlines."),
                    "possible_duplicates": S.array(S.ref("DuplicateSuggestion")),
                    "routing_proposal": S.ref("RoutingProposal"),
                ], optional: ["deadline_explanation", "routing_proposal"]),
            "DuplicateSuggestion": S.object(
                [
                    "case_id": S.uuid(), "number": S.string(), "score": S.number(),
                    "explanation": S.array(S.string()),
                ]),
            "CaseList": S.page(of: S.ref("Case"), cursor: true),
            "CaseEvent": S.object(
                [
                    "id": S.uuid(), "case_id": S.uuid(), "at": S.dateTime(), "actor": S.ref("ActorRef"),
                    "type": S.enumeration(CaseEventType.self), "note": S.string(),
                    "data": S.map(S.string(), "The facts of the change; keys per type in docs/CASES.md."),
                    "version": S.integer(),
                ], optional: ["note"]),
            "Party": S.object(
                [
                    "role": S.strings(["applicant", "respondent", "other"]), "name": S.string(),
                    "phone": S.string(), "id_number": S.string(),
                ], optional: ["phone", "id_number"], "A party (当事人): personal data, sealed at rest (BRIEF §6)."),
            "NewCase": S.object(
                [
                    "kind": S.enumeration(CaseKind.self), "category_code": S.string(), "region_code": S.string(),
                    "source": S.enumeration(SourceChannel.self), "title": S.string("1–200 characters."),
                    "description": S.string("Up to 10,000 characters."),
                    "level": S.enumeration(WarningLevel.self, "Within the kind's scale; `none` when left out."),
                    "is_public": S.boolean(), "deadline": S.dateTime("Left out: set by the SLA policy."),
                    "accept_deadline": S.dateTime("Left out: set by the SLA policy."),
                    "parties": S.array(S.ref("Party"), "At most 50."),
                ], optional: ["level", "is_public", "deadline", "accept_deadline", "parties"]),
            "CaseActionRequest": S.object(
                [
                    "action": S.enumeration(CaseActionName.self, excluding: [.mergeInto]),
                    "version": S.integer("The case version the client last saw."),
                    "unit_code": S.string("assign, designate_lead"), "person_id": S.uuid("assign, accept"),
                    "participant_codes": S.array(S.string(), "assign"),
                    "reason": S.string(
                        "assign, return_to_centre, reopen, supervise_on, supervise_off, request_extension, "
                            + "refuse_extension, change_level, mark_contested, designate_lead"),
                    "note": S.string("add_progress, add_note, approve_extension"),
                    "deadline": S.dateTime("assign, reopen, supervise_on, request_extension"),
                    "accept_deadline": S.dateTime("assign"), "channel": S.enumeration(ResolutionChannel.self),
                    "result": S.string("resolve"), "feedback": S.enumeration(CaseFeedback.self),
                    "after_feedback_period": S.boolean("close"), "requester": S.enumeration(ReopenRequester.self),
                    "level": S.enumeration(WarningLevel.self, "change_level"),
                ], required: ["action", "version"],
                "A lifecycle action; each action needs the fields listed beside them (422 names any missing)."),
            "Category": S.object(
                ["code": S.string(), "domain": S.string(), "name_zh": S.string(), "name_en": S.string()]),
        ]
    }

    private static var notificationSchemas: [String: OpenAPIValue] {
        [
            "InboxItem": S.object(
                [
                    "id": S.uuid(), "kind": S.string(), "title": S.string(), "body": S.string(),
                    "object_type": S.string(), "object_id": S.string(), "created_at": S.dateTime(),
                    "read_at": S.dateTime(),
                ], optional: ["read_at"]),
            "Inbox": S.object(
                [
                    "items": S.array(S.ref("InboxItem")), "unread_count": S.integer(),
                    "next_cursor": S.string("Pass as `cursor` for the next page; absent on the last page."),
                ], optional: ["next_cursor"]),
            "MarkedCount": S.object(["marked": S.integer("How many items were unread.")]),
            "NewWebhook": S.object(
                [
                    "url": S.string("http or https URL to POST to."),
                    "unit_code": S.string("Only events of this unit's cases; all units when left out."),
                    "events": S.array(S.string(), "Event names; all when empty or left out."),
                ], optional: ["unit_code", "events"]),
            "Webhook": S.object(
                [
                    "id": S.uuid(), "unit_id": S.uuid(), "url": S.string(), "events": S.array(S.string()),
                    "active": S.boolean(),
                    "secret": S.string("The signing secret; returned once, when the webhook is created."),
                ], optional: ["unit_id", "secret"]),
            "WebhookDelivery": S.object(
                [
                    "outbox_id": S.uuid(), "event": S.string(), "idempotency_key": S.string(), "attempt": S.integer(),
                    "at": S.dateTime(), "status_code": S.integer(), "error": S.string(), "duration_ms": S.integer(),
                ], optional: ["status_code", "error"]),
        ]
    }
}
