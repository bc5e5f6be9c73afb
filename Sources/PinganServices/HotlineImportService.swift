import Foundation
import PinganCore
import PinganSpreadsheet
import PinganStore
import SQLKit

/// The 12345 hotline import (issue 4 §3): work orders from a CSV export become cases of kind `request` from channel
/// `hotline` through ``CaseService``'s intake. A ticket number imported before updates its case (a timeline note
/// naming what changed) instead of opening another; an unchanged row changes nothing, so re-importing a file is a
/// no-op. A bad row is reported with its line and reason and the good rows still go in (each in its own
/// transaction). A dry run reports what would happen and writes nothing.
public struct HotlineImportService: Sendable {
    private let env: ServiceEnvironment
    private let cases: CaseService

    /// Creates the service; `cases` is the intake path.
    public init(_ env: ServiceEnvironment, cases: CaseService) {
        self.env = env
        self.cases = cases
    }

    /// What happened (or would happen) to one good row.
    public struct Item: Sendable, Equatable, Codable {
        /// The line in the file.
        public var row: Int
        /// The ticket number.
        public var ticketNumber: String
        /// `create`, `update` or `unchanged`.
        public var action: String
        /// The case number (absent for a create in a dry run).
        public var caseNumber: String?
        /// The fields that changed, for an update.
        public var changedFields: [String]
    }

    /// The outcome of an import.
    public struct Report: Sendable, Equatable, Codable {
        /// Whether nothing was written.
        public var dryRun: Bool
        /// Rows that opened (or would open) a case.
        public var created: Int
        /// Rows that updated (or would update) a case.
        public var updated: Int
        /// Rows already imported as they are.
        public var unchanged: Int
        /// Every good row.
        public var items: [Item]
        /// Every bad row, with its line and reason.
        public var problems: [HotlineTicket.Problem]
    }

    /// Imports `csv` read with `mapping` as `principal` (an operator or admin: the reporter of the new cases).
    public func run(
        csv: String, mapping: HotlineMapping, dryRun: Bool, by principal: Principal
    ) async throws
        -> Report
    {
        try await run(table: CSVTable.parse(csv), field: "csv", mapping: mapping, dryRun: dryRun, by: principal)
    }

    /// Imports the first worksheet of the Excel workbook `xlsx` (read by `PinganSpreadsheet.XLSXReader`: shared and
    /// inline strings, numbers as written — a date cell is its serial number, which
    /// ``PinganCore/HotlineTicket/parseTime(_:in:endOfDay:)`` understands); its first row is the header.
    public func run(
        xlsx: Data, mapping: HotlineMapping, dryRun: Bool, by principal: Principal
    ) async throws
        -> Report
    {
        let table: CSVTable?
        do {
            let rows = try XLSXReader.firstSheet(xlsx)
            table = rows.first.map { header in
                CSVTable(
                    header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) },
                    rows: rows.dropFirst().map { (line: $0.number, cells: $0.cells) })
            }
        } catch {
            throw PinganError.invalid(field: "xlsx", rule: "format", detail: error.description)
        }
        return try await run(table: table, field: "xlsx", mapping: mapping, dryRun: dryRun, by: principal)
    }

    private func run(
        table: CSVTable?, field: String, mapping: HotlineMapping, dryRun: Bool, by principal: Principal
    ) async throws -> Report {
        guard principal.has(.operator) || principal.has(.admin) else {
            throw PinganError.forbidden("only the centre imports hotline work orders")
        }
        guard let table else {
            throw PinganError.invalid(field: field, rule: "empty", detail: "the file has no header row")
        }
        guard table.rows.count <= 20_000 else {
            throw PinganError.invalid(field: field, rule: "length", detail: "at most 20,000 rows per import")
        }
        let (tickets, rowProblems) = try HotlineTicket.read(table, mapping: mapping)
        let reference = try await env.provider.read { db in
            (
                try await RegionRepository(db).list(), try await UnitRepository(db).list(),
                try await CaseRepository(db).categories()
            )
        }
        var report = Report(dryRun: dryRun, created: 0, updated: 0, unchanged: 0, items: [], problems: rowProblems)
        for (row, ticket) in tickets {
            func problem(_ field: String, _ reason: String) {
                report.problems.append(.init(row: row, ticketNumber: ticket.ticketNumber, field: field, reason: reason))
            }
            guard let region = reference.0.first(where: { $0.code == ticket.region || $0.name == ticket.region }) else {
                problem("region", "所属区域“\(ticket.region)”不存在")
                continue
            }
            let unit = ticket.requestedUnit.flatMap { name in
                reference.1.first { $0.code == name || $0.name == name || $0.aliases.contains(name) }
            }
            if let name = ticket.requestedUnit, unit == nil {
                problem("requested_unit", "承办单位“\(name)”不存在")
                continue
            }
            guard let category = reference.2.first(where: { $0.code == ticket.category }) else {
                problem("category", "诉求分类“\(ticket.category)”不存在")
                continue
            }
            let existing = try await env.provider.read { db in
                try await HotlineTicketRepository(db).find(ticket.ticketNumber)
            }
            var fields = ticket.fields
            fields["region"] = region.code
            fields["requested_unit"] = unit?.code
            do {
                if let existing {
                    let changed = Set(fields.keys).union(existing.fields.keys).filter {
                        fields[$0] != existing.fields[$0]
                    }
                    .sorted()
                    if changed.isEmpty {
                        report.unchanged += 1
                        let number = try await caseNumber(existing.caseID)
                        report.items.append(
                            .init(
                                row: row, ticketNumber: ticket.ticketNumber, action: "unchanged", caseNumber: number,
                                changedFields: []))
                        continue
                    }
                    var number = try await caseNumber(existing.caseID)
                    if !dryRun {
                        number = try await update(
                            ticket, fields: fields, changed: changed, caseID: existing.caseID, unit: unit,
                            by: principal)
                    }
                    report.updated += 1
                    report.items.append(
                        .init(
                            row: row, ticketNumber: ticket.ticketNumber, action: "update", caseNumber: number,
                            changedFields: changed))
                } else {
                    var number: String?
                    if !dryRun {
                        number = try await create(
                            ticket, fields: fields, region: region, unit: unit, category: category, by: principal)
                    }
                    report.created += 1
                    report.items.append(
                        .init(
                            row: row, ticketNumber: ticket.ticketNumber, action: "create", caseNumber: number,
                            changedFields: []))
                }
            } catch PinganError.invalid(let violations) {
                for violation in violations { problem(violation.field, violation.detail) }
            } catch PinganError.conflict(_, let detail) {
                problem("ticket_number", detail)
            }
        }
        report.problems.sort { ($0.row, $0.field) < ($1.row, $1.field) }
        return report
    }

    /// The principal of the active account `username` (the command line imports as a named operator, who becomes
    /// the reporter of the new cases).
    public func principal(username: String) async throws -> Principal {
        let found = try await env.provider.read { db -> Principal? in
            guard let user = try await UserRepository(db).find(username: username) else { return nil }
            return try await Principal.account(id: user.id, db: db)
        }
        guard let found else { throw PinganError.notFound(entity: "user", id: username) }
        return found
    }

    private func caseNumber(_ id: UUID) async throws -> String? {
        try await env.provider.read { db in try await CaseRepository(db).find(id: id)?.record.number }
    }

    private func create(
        _ ticket: HotlineTicket, fields: [String: String], region: Region, unit: OrgUnit?,
        category: (code: String, domain: String, nameZh: String, nameEn: String), by principal: Principal
    ) async throws -> String {
        let now = env.clock()
        let firstLine = ticket.content.split(whereSeparator: \.isNewline).first.map(String.init) ?? ticket.content
        let draft = CaseDraft(
            kind: .request, categoryCode: category.code, regionCode: region.code, source: .hotline,
            title: "12345工单 \(ticket.ticketNumber):\(firstLine.prefix(60))",
            description: Self.description(ticket, unit: unit),
            isPublic: !Open311Service.privateDomains.contains(category.domain),
            deadline: ticket.deadline.flatMap { $0 > now ? $0 : nil })
        let number = ticket.ticketNumber
        let intake = try await cases.create(.init(draft: draft), by: principal) { db, record in
            try await HotlineTicketRepository(db).insert(number, caseID: record.id, fields: fields, at: now)
        }
        return intake.record.number
    }

    private func update(
        _ ticket: HotlineTicket, fields: [String: String], changed: [String], caseID: UUID, unit: OrgUnit?,
        by principal: Principal
    ) async throws -> String {
        let now = env.clock()
        let names = changed.compactMap { HotlineMapping.standard.columns[$0] }.joined(separator: "、")
        var note = "12345工单 \(ticket.ticketNumber) 更新:\(names)已变更。"
        if changed.contains("content") { note += "\n新的诉求内容:\(ticket.content)" }
        if changed.contains("deadline"), let deadline = ticket.deadline {
            note += "\n新的办理时限:\(LocalTime.minutes(deadline))"
        }
        if changed.contains("requested_unit"), let unit { note += "\n建议承办单位:\(unit.name)" }
        let text = note
        return try await env.write { db, audit in
            let repository = CaseRepository(db)
            guard let found = try await repository.find(id: caseID) else {
                throw PinganError.notFound(entity: "case", id: caseID.uuidString)
            }
            let (changedCase, events) = try CaseLifecycle.apply(
                .addNote(note: text), to: found.record, by: .user(principal), at: now)
            guard try await repository.update(changedCase, expectedVersion: found.record.version, events: events) else {
                throw PinganError.conflict(field: "version", detail: "the case changed meanwhile; import again")
            }
            try await HotlineTicketRepository(db).update(ticket.ticketNumber, fields: fields, at: now)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "hotline.update", objectType: "case",
                    objectID: changedCase.number,
                    change: ["ticket": ticket.ticketNumber, "fields": changed.joined(separator: ",")]),
                at: now)
            return changedCase.number
        }
    }

    static func description(_ ticket: HotlineTicket, unit: OrgUnit?) -> String {
        var lines = [ticket.content, "来电时间:\(LocalTime.minutes(ticket.receivedAt))"]
        if let category = ticket.callerCategory { lines.append("来电人类别:\(category)") }
        if let address = ticket.address { lines.append("地址:\(address)") }
        if let unit { lines.append("建议承办单位:\(unit.name)") }
        if let deadline = ticket.deadline { lines.append("工单办理时限:\(LocalTime.minutes(deadline))") }
        return lines.joined(separator: "\n")
    }
}
