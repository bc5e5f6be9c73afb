import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PinganCore
import PinganServices
import PinganSpreadsheet
import PinganStore

/// Responsibility lists and assessment (issue 7): list import and activation, scoring, incidents, appeals,
/// scorecards, ranking, and the accountability ladder with honours eligibility.
struct AssessmentsController {
    let lists: ListService
    let assessment: AssessmentService

    struct ImportBody: Decodable {
        var format: String
        var content: String
        var strict: Bool?
        var dryRun: Bool?
    }

    struct ActivationBody: Decodable {
        var period: String
        var region: String
    }

    struct FunctionBody: Decodable {
        var kind: String
        var target: Decimal?
        var floor: Decimal?
        var steps: [StepBody]?
    }

    struct StepBody: Decodable {
        var minimum: Decimal
        var share: Decimal
    }

    struct BindingBody: Decodable {
        var item: String
        var indicator: String
        var function: FunctionBody
    }

    struct ScoreBody: Decodable {
        var item: String
        var unit: String?
        var points: Decimal
        var comment: String
        var evidence: [AssessmentDTO.Evidence]?
    }

    struct IncidentBody: Decodable {
        var occurredAt: Date
        var region: String
        var unit: String
        var kind: String
        var severity: String?
        var persons: Int?
        var description: String
        var sourceCase: String?
        var entry: String
    }

    struct AppealBody: Decodable {
        var reason: String
    }

    struct DecisionBody: Decodable {
        var upheld: Bool
        var points: Decimal?
        var note: String
    }

    struct CaseBody: Decodable {
        var unit: String
        var description: String
    }

    struct CircumstanceBody: Decodable {
        var kind: String
        var note: String
    }

    struct RectificationBody: Decodable {
        var note: String
        var accepted: Bool
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable {
        var items: [T]
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        addListRoutes(to: group)
        addScoringRoutes(to: group)
        addLadderRoutes(to: group)
    }

    private func addListRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("lists") { request, context -> EditedResponse<Created<AssessmentDTO.ImportAnswer>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: ImportBody.self, context: context)
            guard let format = ListImportFormat(rawValue: body.format) else {
                throw PinganError.invalid(
                    field: "format", rule: "unknown_value", detail: "the format is text, csv, xlsx or yaml")
            }
            let content: Data
            if format == .xlsx {
                // A workbook is binary; JSON carries it in base64.
                guard let decoded = Data(base64Encoded: body.content, options: .ignoreUnknownCharacters) else {
                    throw PinganError.invalid(
                        field: "content", rule: "base64", detail: "an xlsx workbook is sent as base64")
                }
                content = decoded
            } else {
                content = Data(body.content.utf8)
            }
            let dryRun = body.dryRun ?? false
            let outcome = try await lists.importDocument(
                content, format: format, strict: body.strict ?? false, dryRun: dryRun, by: actor)
            let answer = AssessmentDTO.ImportAnswer(
                stored: outcome.stored.map { AssessmentDTO.ListVersion($0) },
                problems: outcome.problems.map {
                    .init(line: $0.line, severity: $0.severity.rawValue, kind: $0.kind.rawValue, message: $0.message)
                },
                unmatchedUnits: outcome.unmatched.map { .init(list: $0.list, name: $0.name, reason: $0.reason) })
            return EditedResponse(status: dryRun ? .ok : .created, response: Created(value: answer))
        }
        group.get("lists") { _, context -> Items<AssessmentDTO.ListVersion> in
            Items(items: try await lists.versions(by: try context.actor()).map { AssessmentDTO.ListVersion($0) })
        }
        group.get("lists/{id}") { _, context -> Created<AssessmentDTO.ListVersion> in
            let stored = try await lists.version(id: try context.parameters.require("id"), by: try context.actor())
            return Created(value: AssessmentDTO.ListVersion(stored, yaml: true))
        }
        group.post("lists/{id}/activations") { request, context -> EditedResponse<Created<AssessmentDTO.Activation>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: ActivationBody.self, context: context)
            let activation = try await lists.activate(
                id: try context.parameters.require("id"), period: body.period, regionCode: body.region, by: actor)
            return EditedResponse(status: .created, response: Created(value: AssessmentDTO.Activation(activation)))
        }
        group.get("list-activations") { request, context -> Items<AssessmentDTO.Activation> in
            let query = request.uri.queryParameters
            let found = try await lists.activations(
                period: query.get("period"), regionCode: query.get("region"), by: try context.actor())
            return Items(items: found.map { AssessmentDTO.Activation($0) })
        }
    }

    private static let base = "assessments/{period}/{region}/{list}"

    private func key(_ context: PinganRequestContext) throws -> AssessmentService.Key {
        AssessmentService.Key(
            period: try context.parameters.require("period"), regionCode: try context.parameters.require("region"),
            listID: try context.parameters.require("list"))
    }

    /// The ranking a request asks for (`minimum_scored_items`, 1 by default), for the JSON, CSV and XLSX routes.
    private func ranking(_ request: Request, _ context: PinganRequestContext) async throws -> AssessmentDTO.RankingDTO {
        var reader = QueryReader(request.uri.queryParameters)
        let minimum = reader.integer("minimum_scored_items", in: 1...1000) ?? 1
        try reader.finish()
        let (ranking, units) = try await assessment.ranking(
            try key(context), minimumScoredItems: minimum, by: try context.actor())
        return Self.dto(ranking, units: units, minimum: minimum)
    }

    private func addScoringRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("\(Self.base)/bindings") { request, context -> HTTPResponse.Status in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: BindingBody.self, context: context)
            try await assessment.bind(
                listID: try context.parameters.require("list"), itemKey: body.item, try Self.binding(body), by: actor)
            return .noContent
        }
        group.post("\(Self.base)/scores") { request, context -> EditedResponse<Created<AssessmentDTO.Score>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: ScoreBody.self, context: context)
            let score = try await assessment.score(
                try key(context),
                .init(
                    itemKey: body.item, unitCode: body.unit, points: body.points, comment: body.comment,
                    evidence: (body.evidence ?? []).map { .init(fileName: $0.fileName, sha256: $0.sha256) }),
                by: actor)
            return EditedResponse(status: .created, response: Created(value: AssessmentDTO.Score(score)))
        }
        group.post("\(Self.base)/scores/automatic") { _, context -> Items<AssessmentDTO.Score> in
            let scores = try await assessment.scoreAutomatically(try key(context), by: try context.actor())
            return Items(items: scores.map { AssessmentDTO.Score($0) })
        }
        group.post("\(Self.base)/incidents") {
            request, context -> EditedResponse<Created<AssessmentDTO.IncidentAnswer>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: IncidentBody.self, context: context)
            let (incident, opened) = try await assessment.recordIncident(
                try key(context),
                .init(
                    occurredAt: body.occurredAt, regionCode: body.region, unitCode: body.unit, kind: body.kind,
                    severity: body.severity, persons: body.persons ?? 0, description: body.description,
                    sourceCase: body.sourceCase, entryKey: body.entry),
                by: actor)
            return EditedResponse(
                status: .created,
                response: Created(
                    value: AssessmentDTO.IncidentAnswer(
                        incident: .init(incident), openedCase: opened.map { AssessmentDTO.CaseDTO($0) })))
        }
        group.get("\(Self.base)/scorecards/{unit}") { _, context -> Created<AssessmentDTO.ScorecardDTO> in
            Created(value: try await scorecard(context))
        }
        group.get("\(Self.base)/ranking") { request, context -> Created<AssessmentDTO.RankingDTO> in
            Created(value: try await ranking(request, context))
        }
        group.get("\(Self.base)/ranking.csv") { request, context -> Response in
            Self.file(
                AssessmentExport.rankingCSV(try await ranking(request, context)),
                type: "text/csv; charset=utf-8", name: "ranking.csv")
        }
        group.get("\(Self.base)/ranking.xlsx") { request, context -> Response in
            Self.file(
                try AssessmentExport.rankingXLSX(try await ranking(request, context)),
                type: XLSXWriter.mediaType, name: "ranking.xlsx")
        }
        group.get("\(Self.base)/scorecards/{unit}/export.csv") { _, context -> Response in
            let card = try await scorecard(context)
            return Self.file(
                AssessmentExport.scorecardCSV(card), type: "text/csv; charset=utf-8",
                name: "scorecard-\(card.unitCode).csv")
        }
        group.get("\(Self.base)/scorecards/{unit}/export.xlsx") { _, context -> Response in
            let card = try await scorecard(context)
            return Self.file(
                try AssessmentExport.scorecardXLSX(card), type: XLSXWriter.mediaType,
                name: "scorecard-\(card.unitCode).xlsx")
        }
        group.get("\(Self.base)/scorecards/{unit}/report.html") { _, context -> Response in
            let card = try await scorecard(context)
            let key = try key(context)
            return Self.file(
                AssessmentExport.scorecardHTML(card, period: key.period, region: key.regionCode),
                type: "text/html; charset=utf-8", name: nil)
        }
        group.get("\(Self.base)/report.html") { _, context -> Response in
            let key = try key(context)
            let actor = try context.actor()
            let (ranking, units) = try await assessment.ranking(key, minimumScoredItems: 1, by: actor)
            let cards = try await assessment.scorecards(key, by: actor).map { card, unit in
                AssessmentDTO.ScorecardDTO(card, unit: unit, passMark: assessment.policy.passMark)
            }
            let listID = try await lists.version(id: key.listID, by: actor).id
            return Self.file(
                AssessmentExport.subjectHTML(
                    Self.dto(ranking, units: units, minimum: 1), cards: cards, listID: listID, period: key.period,
                    region: key.regionCode),
                type: "text/html; charset=utf-8", name: nil)
        }
        group.post("\(Self.base)/conclusion") { _, context -> Items<AssessmentDTO.CaseDTO> in
            let opened = try await assessment.conclude(try key(context), by: try context.actor())
            return Items(items: opened.map { AssessmentDTO.CaseDTO($0) })
        }
        group.post("scores/{id}/appeals") { request, context -> EditedResponse<Created<AssessmentDTO.AppealDTO>> in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: AppealBody.self, context: context)
            let appeal = try await assessment.fileAppeal(
                scoreID: try context.parameters.require("id"), reason: body.reason, by: principal)
            return EditedResponse(status: .created, response: Created(value: AssessmentDTO.AppealDTO(appeal)))
        }
        group.post("appeals/{id}/decision") { request, context -> Created<AssessmentDTO.DecisionAnswer> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: DecisionBody.self, context: context)
            let (appeal, score) = try await assessment.decideAppeal(
                id: try context.parameters.require("id"), upheld: body.upheld, points: body.points, note: body.note,
                by: actor)
            return Created(value: .init(appeal: .init(appeal), score: score.map { AssessmentDTO.Score($0) }))
        }
    }

    private func addLadderRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("accountability-cases") { request, context -> Items<AssessmentDTO.CaseDTO> in
            let cases = try await assessment.accountabilityCases(
                unitCode: request.uri.queryParameters.get("unit"), by: try context.actor())
            return Items(items: cases.map { AssessmentDTO.CaseDTO($0) })
        }
        group.post("accountability-cases") { request, context -> EditedResponse<Created<AssessmentDTO.CaseDTO>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: CaseBody.self, context: context)
            let item = try await assessment.openForUnansweredProblems(
                unitCode: body.unit, description: body.description, by: actor)
            return EditedResponse(status: .created, response: Created(value: AssessmentDTO.CaseDTO(item)))
        }
        group.post("accountability-cases/advance") { _, context -> Items<AssessmentDTO.CaseDTO> in
            Items(items: try await assessment.advanceLadder(by: try context.actor()).map { AssessmentDTO.CaseDTO($0) })
        }
        group.post("accountability-cases/{id}/circumstances") { request, context -> Created<AssessmentDTO.CaseDTO> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: CircumstanceBody.self, context: context)
            guard let kind = AccountabilityCase.Circumstance.Kind(rawValue: body.kind) else {
                throw PinganError.invalid(
                    field: "kind", rule: "unknown_value",
                    detail: "one of "
                        + AccountabilityCase.Circumstance.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let item = try await assessment.recordCircumstance(
                caseID: try context.parameters.require("id"), kind, note: body.note, by: actor)
            return Created(value: AssessmentDTO.CaseDTO(item))
        }
        group.post("accountability-cases/{id}/rectifications") { request, context -> Created<AssessmentDTO.CaseDTO> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: RectificationBody.self, context: context)
            let item = try await assessment.recordRectification(
                caseID: try context.parameters.require("id"), note: body.note, accepted: body.accepted, by: actor)
            return Created(value: AssessmentDTO.CaseDTO(item))
        }
        group.get("units/{code}/eligibility") { request, context -> Created<AssessmentDTO.EligibilityDTO> in
            let actor = try context.actor()
            var reader = QueryReader(request.uri.queryParameters)
            let date = reader.date("date")
            try reader.finish()
            guard let date else {
                throw PinganError.invalid(field: "date", rule: "required", detail: "the date asked about")
            }
            let (answer, unit) = try await assessment.eligibility(
                unitCode: try context.parameters.require("code"), on: date, by: actor)
            return Created(value: AssessmentDTO.EligibilityDTO(answer, unit: unit))
        }
    }

    private func scorecard(_ context: PinganRequestContext) async throws -> AssessmentDTO.ScorecardDTO {
        let (card, unit) = try await assessment.scorecard(
            try key(context), unitCode: try context.parameters.require("unit"), by: try context.actor())
        return AssessmentDTO.ScorecardDTO(card, unit: unit, passMark: assessment.policy.passMark)
    }

    /// A text file answer (CSV for download, or HTML to print), never cached.
    static func file(_ text: String, type: String, name: String?) -> Response {
        file(Data(text.utf8), type: type, name: name)
    }

    static func file(_ data: Data, type: String, name: String?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func binding(_ body: BindingBody) throws(PinganError) -> MetricBinding {
        guard let indicator = AssessmentIndicator(rawValue: body.indicator) else {
            throw .invalid(
                field: "indicator", rule: "unknown_value",
                detail: "one of " + AssessmentIndicator.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let function: ScoringFunction
        switch body.function.kind {
        case "all_or_nothing":
            guard let target = body.function.target else {
                throw .invalid(field: "function.target", rule: "required", detail: "the target, a fraction (0.9)")
            }
            function = .allOrNothing(target: target)
        case "linear":
            guard let floor = body.function.floor, let target = body.function.target else {
                throw .invalid(field: "function.floor", rule: "required", detail: "a floor and a target (fractions)")
            }
            function = .linear(floor: floor, target: target)
        case "steps":
            function = .steps((body.function.steps ?? []).map { .init(minimum: $0.minimum, share: $0.share) })
        default:
            throw .invalid(
                field: "function.kind", rule: "unknown_value", detail: "all_or_nothing, linear or steps")
        }
        return MetricBinding(indicator: indicator, function: function)
    }

    static func dto(_ ranking: AssessmentRanking, units: [UUID: OrgUnit], minimum: Int) -> AssessmentDTO.RankingDTO {
        AssessmentDTO.RankingDTO(
            minimumScoredItems: minimum,
            ranked: ranking.ranked.map {
                .init(
                    rank: $0.rank, unitCode: units[$0.card.unitID]?.code ?? "",
                    unitName: units[$0.card.unitID]?.name ?? "",
                    share: $0.card.share, total: $0.card.total, scoredItems: $0.card.scoredItems)
            },
            unranked: ranking.unranked.map {
                .init(
                    unitCode: units[$0.card.unitID]?.code ?? "", unitName: units[$0.card.unitID]?.name ?? "",
                    scoredItems: $0.card.scoredItems, reason: $0.reason)
            })
    }
}
