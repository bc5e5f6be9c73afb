import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// The monthly reconciliation API (每月交账, issue 3 §7): the month's unresolved cases per unit, the unit's entry for
/// a case, and the joint-consultation list for the centre.
struct ReconciliationController {
    let reconciliation: ReconciliationService

    struct EntryBody: Decodable {
        var cause: String
        var responsiblePerson: String
        var newDeadline: Date
        var consultation: Bool?
        var consultationReason: String?
    }

    struct ListingDTO: ResponseEncodable {
        var month: String
        var monthEnd: Date
        var evaluatedAt: Date
        var total: Int
        var units: [UnitGroupDTO]
    }

    struct UnitGroupDTO: Encodable {
        var unitCode: String?
        var unitName: String
        var count: Int
        var overdue: Int
        var items: [ItemDTO]
    }

    struct ItemDTO: ResponseEncodable {
        var number: String
        var title: String
        var kind: String
        var level: String
        var regionCode: String
        var statusAtMonthEnd: String
        var statusNow: String
        var deadlineAtMonthEnd: Date?
        var daysOverdue: Int
        var overdue: Bool
        var entry: EntryDTO?
    }

    struct EntryDTO: Encodable {
        var cause: String
        var responsiblePerson: String
        var newDeadline: Date
        var consultation: Bool
        var consultationReason: String?
        var recordedBy: String
        var recordedAt: Date
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("reconciliations/{month}") { request, context -> ListingDTO in
            let actor = try context.actor()
            let listing = try await reconciliation.listing(
                month: try context.parameters.require("month"), unit: request.uri.queryParameters.get("unit"),
                by: actor)
            return Self.dto(listing)
        }
        group.get("reconciliations/{month}/consultations") { _, context -> ListingDTO in
            let actor = try context.actor()
            return Self.dto(
                try await reconciliation.consultations(month: try context.parameters.require("month"), by: actor))
        }
        group.put("reconciliations/{month}/cases/{number}") { request, context -> ItemDTO in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: EntryBody.self, context: context)
            let item = try await reconciliation.record(
                month: try context.parameters.require("month"), case: try context.parameters.require("number"),
                .init(
                    cause: body.cause, responsiblePerson: body.responsiblePerson, newDeadline: body.newDeadline,
                    consultation: body.consultation ?? false, consultationReason: body.consultationReason),
                by: principal)
            return Self.dto(item)
        }
    }

    static func dto(_ listing: ReconciliationService.Listing) -> ListingDTO {
        var groups: [UUID?: [ReconciliationItem]] = [:]
        for item in listing.items { groups[item.snapshot.responsibleUnitID, default: []].append(item) }
        let units = groups.map { id, items in
            let unit = id.flatMap { listing.units[$0] }
            return UnitGroupDTO(
                unitCode: unit?.code, unitName: unit?.name ?? "未分流 (unassigned, held by the centre)",
                count: items.count, overdue: items.filter(\.isOverdue).count, items: items.map { Self.dto($0) })
        }.sorted { ($0.unitCode ?? "") < ($1.unitCode ?? "") }
        return ListingDTO(
            month: listing.month.description, monthEnd: listing.monthEnd, evaluatedAt: listing.evaluatedAt,
            total: listing.items.count, units: units)
    }

    static func dto(_ item: ReconciliationItem) -> ItemDTO {
        ItemDTO(
            number: item.record.number, title: item.record.title, kind: item.record.kind.rawValue,
            level: item.record.level.rawValue, regionCode: item.record.regionCode,
            statusAtMonthEnd: item.snapshot.status.rawValue, statusNow: item.record.status.rawValue,
            deadlineAtMonthEnd: item.snapshot.deadline, daysOverdue: item.daysOverdue, overdue: item.isOverdue,
            entry: item.entry.map {
                EntryDTO(
                    cause: $0.cause, responsiblePerson: $0.responsiblePerson, newDeadline: $0.newDeadline,
                    consultation: $0.consultation, consultationReason: $0.consultationReason,
                    recordedBy: $0.recordedBy, recordedAt: $0.recordedAt)
            })
    }
}
