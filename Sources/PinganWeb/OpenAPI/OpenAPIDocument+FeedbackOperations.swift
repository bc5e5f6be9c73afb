import Foundation
import PinganCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// Open311 client systems and their API keys, and citizen feedback (issue 4). The Open311 server itself
    /// (`/open311/…`) follows the GeoReport v2 specification and is described in `docs/OPEN311.md`, not here.
    static var feedbackOperations: [OpenAPIOperation] {
        let key = P.path("key", "The case's id or number.")
        return [
            .init(
                method: .post, path: "/api/v1/open311/clients", operationID: "issueOpen311Key", tag: "open311",
                summary: "Issue an Open311 API key for a client system (admins)",
                description: "The key is shown this once and stored only as its SHA-256. The client's requests are "
                    + "opened as `username`, an account allowed to open cases.",
                body: S.ref("NewOpen311Client"),
                responses: [201: R.json("Issued.", S.ref("IssuedOpen311Client"))], errors: [403, 409]),
            .init(
                method: .get, path: "/api/v1/open311/clients", operationID: "listOpen311Clients", tag: "open311",
                summary: "The Open311 client systems (admins)",
                responses: [200: R.json("The clients.", S.page(of: S.ref("Open311Client"), cursor: false))],
                errors: [403]),
            .init(
                method: .delete, path: "/api/v1/open311/clients/{id}", operationID: "revokeOpen311Key",
                tag: "open311", summary: "Revoke a client system's Open311 API key (admins)",
                parameters: [P.path("id", "The client's id.", schema: S.uuid())],
                responses: [204: R.empty("Revoked.")], errors: [404]),
            .init(
                method: .post, path: "/api/v1/cases/{key}/feedback-link", operationID: "issueFeedbackLink",
                tag: "feedback", summary: "Issue the one-time feedback link of a resolved case (centre)",
                description: "Replaces an earlier link of the case. The token is shown this once, for the hotline "
                    + "system to send to the citizen; only its SHA-256 is stored.",
                parameters: [key], responses: [201: R.json("Issued.", S.ref("FeedbackLink"))], errors: [404, 409]),
            .init(
                method: .post, path: "/api/v1/cases/{key}/rating", operationID: "rateCase", tag: "feedback",
                summary: "Record the citizen's rating taken by call-back staff (centre)",
                description: "A score of 1–2 or `solved: false` reopens the case and puts it under supervision; "
                    + "otherwise it is closed with feedback `satisfied` (4–5) or `unsatisfied` (3). One rating per case.",
                parameters: [key], body: S.ref("Rating"), responses: [200: R.json("Rated.", S.ref("Rated"))],
                errors: [404, 409]),
            .init(
                method: .post, path: "/api/v1/feedback", operationID: "rateWithLink", tag: "feedback",
                summary: "The citizen rates a resolved case with the one-time feedback token",
                description: "An unknown, used or expired token is 404, whatever the reason.", access: .anyone,
                body: S.ref("LinkRating"), responses: [200: R.json("Rated.", S.ref("Rated"))], errors: [404, 409]),
            .init(
                method: .post, path: "/api/v1/imports/hotline", operationID: "importHotline", tag: "imports",
                summary: "Import 12345 hotline work orders from CSV or xlsx (centre)",
                description: "A ticket number imported before updates its case (a timeline note) instead of "
                    + "duplicating it; an unchanged row changes nothing. Bad rows are reported with their line and "
                    + "reason; the good rows still go in. With `dry_run` nothing is written.",
                body: S.ref("HotlineImport"), responses: [200: R.json("The report.", S.ref("HotlineImportReport"))],
                errors: [403]),
        ]
    }

    static var feedbackSchemas: [String: OpenAPIValue] {
        let rating: [String: OpenAPIValue] = [
            "score": S.integer("1 (very poor) to 5 (very good).", minimum: 1, maximum: 5),
            "solved": S.boolean("Whether the citizen says the problem was solved."),
            "comment": S.string("At most 500 characters."),
        ]
        return [
            "NewOpen311Client": S.object(
                [
                    "name": S.string("The client system's name, unique (1–100 characters)."),
                    "username": S.string("The account its requests are opened as."),
                ]),
            "Open311Client": S.object(
                [
                    "id": S.uuid(), "name": S.string(), "user_id": S.uuid(), "created_at": S.dateTime(),
                    "created_by": S.string(), "revoked_at": S.dateTime(),
                ], optional: ["revoked_at"]),
            "IssuedOpen311Client": S.object(
                ["client": S.ref("Open311Client"), "api_key": S.string("The API key; shown this once.")]),
            "FeedbackLink": S.object(
                [
                    "token": S.string("The one-time token; shown this once."), "case_number": S.string(),
                    "expires_at": S.dateTime(),
                ]),
            "Rating": S.object(rating, optional: ["comment"]),
            "LinkRating": S.object(
                rating.merging(["token": S.string("The token of the feedback link.")]) { _, new in new },
                optional: ["comment"]),
            "HotlineImport": S.object(
                [
                    "csv": S.string("The CSV export (UTF-8, header row first, RFC 4180 quoting); or `xlsx`."),
                    "xlsx": S.string("An Excel workbook (.xlsx) in base64; its first sheet is read. Or `csv`."),
                    "dry_run": S.boolean("Report what would change and write nothing."),
                    "mapping": S.object(
                        [
                            "columns": S.map(
                                S.string(), keys: HotlineMapping.Field.allCases.map(\.rawValue),
                                "Field → column header; fields left out keep the standard headers (工单编号, 来电时间 …)."),
                            "default_category": S.string("The category of rows without one (service.complaint)."),
                        ], optional: ["columns", "default_category"]),
                ], optional: ["csv", "xlsx", "dry_run", "mapping"]),
            "HotlineImportReport": S.object(
                [
                    "dry_run": S.boolean(), "created": S.integer(), "updated": S.integer(), "unchanged": S.integer(),
                    "items": S.array(
                        S.object(
                            [
                                "row": S.integer("The line in the file (the header is line 1)."),
                                "ticket_number": S.string(), "action": S.strings(["create", "update", "unchanged"]),
                                "case_number": S.string(), "changed_fields": S.array(S.string()),
                            ], optional: ["case_number"])),
                    "problems": S.array(
                        S.object(
                            [
                                "row": S.integer(), "ticket_number": S.string(), "field": S.string(),
                                "reason": S.string(),
                            ], optional: ["ticket_number"])),
                ]),
            "Rated": S.object(
                [
                    "case_number": S.string(), "status": S.enumeration(CaseStatus.self),
                    "supervised": S.boolean("Whether the case is now under supervision (督办)."),
                ]),
        ]
    }
}
