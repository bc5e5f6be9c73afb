import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PinganCore
import PinganServices
import PinganStore

extension CasesController {
    /// `GET /api/v1/cases.csv`: the ledger in the list's filters as CSV (see ``LedgerCSV``), every page of it.
    ///
    /// The filters and the first page are read before the answer starts, so that a bad filter is still a problem
    /// document; the remaining pages are streamed, one keyset page at a time, so memory stays bounded.
    func exportCSV(_ request: Request, context: PinganRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let now = Date()
        var query = try await resolveUnit(try CaseQueryParser.parse(request.uri.queryParameters, now: now))
        query.after = nil
        query.limit = LedgerCSV.pageSize
        let first = try await cases.list(query, by: principal)
        let csv = LedgerCSV(names: try await names(), now: now)

        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(LedgerCSV.filename(at: now))\""
        headers[.cacheControl] = "no-store"
        let (cases, scoped) = (self.cases, query)
        let body = ResponseBody { writer in
            var text = LedgerCSV.byteOrderMark + LedgerCSV.header
            for record in first.cases { text += csv.row(record) }
            try await writer.write(ByteBuffer(string: text))
            var next = first.next
            while let after = next {
                var page = scoped
                page.after = after
                let result = try await cases.list(page, by: principal)
                try await writer.write(ByteBuffer(string: result.cases.map(csv.row).joined()))
                next = result.next
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    private func names() async throws -> LedgerCSV.Names {
        var names = LedgerCSV.Names()
        for unit in try await organisation.units(for: .system("api")) {
            names.units[unit.id] = (unit.code, unit.name)
        }
        for category in try await cases.categories() { names.categories[category.code] = category.nameZh }
        for region in try await organisation.regions(for: .system("api")) { names.regions[region.code] = region.name }
        return names
    }
}
