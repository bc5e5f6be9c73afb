import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// The 12345 hotline batch import (issue 4 §3): `POST /api/v1/imports/hotline`.
struct HotlineImportController {
    let imports: HotlineImportService

    struct Body: Decodable {
        var csv: String?
        var xlsx: String?
        var dryRun: Bool?
        var mapping: Mapping?
    }

    struct Mapping: Decodable {
        var columns: [String: String]?
        var defaultCategory: String?
    }

    struct ReportDTO: ResponseEncodable {
        var dryRun: Bool
        var created: Int
        var updated: Int
        var unchanged: Int
        var items: [HotlineImportService.Item]
        var problems: [HotlineTicket.Problem]
    }

    static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { out, character in
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("imports/hotline") { request, context -> ReportDTO in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: Body.self, context: context)
            var mapping = HotlineMapping.standard
            if let given = body.mapping {
                var document: [String: Any] = [:]
                // The API decoder turns snake_case keys into camelCase, dictionary keys included: undo that.
                document["columns"] = given.columns.map { columns in
                    Dictionary(
                        columns.map { (Self.snakeCase($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
                }
                document["default_category"] = given.defaultCategory
                mapping = try HotlineMapping.load(json: try JSONSerialization.data(withJSONObject: document))
            }
            let dryRun = body.dryRun ?? false
            let report: HotlineImportService.Report
            switch (body.csv, body.xlsx) {
            case (let csv?, nil):
                report = try await imports.run(csv: csv, mapping: mapping, dryRun: dryRun, by: principal)
            case (nil, let xlsx?):
                guard let data = Data(base64Encoded: xlsx, options: .ignoreUnknownCharacters) else {
                    throw PinganError.invalid(field: "xlsx", rule: "format", detail: "the workbook in base64")
                }
                report = try await imports.run(xlsx: data, mapping: mapping, dryRun: dryRun, by: principal)
            default:
                throw PinganError.invalid(field: "csv", rule: "one_of", detail: "send exactly one of csv and xlsx")
            }
            return ReportDTO(
                dryRun: report.dryRun, created: report.created, updated: report.updated, unchanged: report.unchanged,
                items: report.items, problems: report.problems)
        }
    }
}
