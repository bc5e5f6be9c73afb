import ArgumentParser
import Foundation
import PinganCore
import PinganServices

/// `pingan import …`: batch imports.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Batch imports (12345 hotline work orders).",
        subcommands: [HotlineImportCommand.self])
}

/// `pingan import hotline FILE.csv [--dry-run] [--mapping FILE] [--as USERNAME] [--json]` (issue 4 §3).
struct HotlineImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline", abstract: "Import 12345 hotline work orders from a CSV export or an Excel workbook.",
        discussion: """
            Columns are found by their headers (工单编号, 来电时间, 来电人类别, 诉求内容, 地址, 所属区域, 承办单位, 办理时限, \
            诉求分类); --mapping names a JSON file that changes them (docs/OPEN311.md). A ticket number imported \
            before updates its case; an unchanged row changes nothing. Bad rows are listed with their line and \
            reason; the good rows still go in. Exit code 1 when any row was bad.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The CSV file (UTF-8, header row first) or Excel workbook (.xlsx, its first sheet).")
    var file: String

    @Flag(help: "Report what would change; write nothing.")
    var dryRun = false

    @Option(help: "A JSON column mapping: {\"columns\": {field: header}, \"default_category\": code}.")
    var mapping: String?

    @Option(name: .customLong("as"), help: "The operator account the cases are opened as.")
    var username = "admin"

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard [".csv", ".xlsx"].contains(where: file.lowercased().hasSuffix) else {
            throw ValidationError("a .csv or .xlsx file is needed: '\(file)'")
        }
    }

    func run() async throws {
        let contents: Data
        let isWorkbook = file.lowercased().hasSuffix(".xlsx")
        var columnMapping = HotlineMapping.standard
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure("\(file): cannot read the file")
            }
            guard isWorkbook || String(data: data, encoding: .utf8) != nil else {
                throw Failure("\(file): not UTF-8 text")
            }
            contents = data
            if let mapping {
                guard let data = FileManager.default.contents(atPath: mapping) else {
                    throw Failure("\(mapping): cannot read the file")
                }
                columnMapping = try HotlineMapping.load(json: data)
            }
        } catch {
            Self.fail("\(error)")
        }
        let (dryRun, username, json, loaded) = (dryRun, username, json, columnMapping)
        try await Runtime.run(flags: common.flags) { _, env, _ in
            let service = HotlineImportService(env, cases: CaseService(env))
            let principal = try await service.principal(username: username)
            let report =
                isWorkbook
                ? try await service.run(xlsx: contents, mapping: loaded, dryRun: dryRun, by: principal)
                : try await service.run(
                    csv: String(decoding: contents, as: UTF8.self), mapping: loaded, dryRun: dryRun, by: principal)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(Self.text(report))
            }
            if !report.problems.isEmpty {
                FileHandle.standardError.write(
                    Data("pingan import hotline: \(report.problems.count) bad row(s)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    static func text(_ report: HotlineImportService.Report) -> String {
        var lines = [
            (report.dryRun ? "dry run: " : "") + "\(report.created) created, \(report.updated) updated, "
                + "\(report.unchanged) unchanged, \(report.problems.count) bad row(s)"
        ]
        for item in report.items where item.action != "unchanged" {
            var line = "  row \(item.row)\t\(item.ticketNumber)\t\(item.action)"
            if let number = item.caseNumber { line += "\t\(number)" }
            if !item.changedFields.isEmpty { line += "\t" + item.changedFields.joined(separator: ",") }
            lines.append(line)
        }
        for problem in report.problems {
            lines.append("  row \(problem.row)\t\(problem.ticketNumber ?? "-")\t\(problem.field): \(problem.reason)")
        }
        return lines.joined(separator: "\n")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("pingan import hotline: \(message)\n".utf8))
        exit(withError: ExitCode(1))
    }
}
