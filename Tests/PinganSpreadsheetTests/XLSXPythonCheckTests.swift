import Foundation
import PinganSpreadsheet
import Testing

/// A second reader for the writer's output: Python's standard library (`zipfile`, `xml.etree`), which knows nothing
/// of our reader. Skipped where `python3` is not installed.
@Suite("XLSX checked by another reader")
struct XLSXPythonCheckTests {
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        return (path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"]).first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    static let script = """
        import sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        names = set(z.namelist())
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/worksheets/sheet1.xml"]:
            assert part in names, part
            ET.fromstring(z.read(part))
        types = z.read("[Content_Types].xml").decode()
        assert "spreadsheetml.sheet.main+xml" in types and "spreadsheetml.worksheet+xml" in types
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        for c in sheet.iter("{%s}c" % ns["m"]):
            if c.get("t") == "inlineStr":
                print(c.get("r"), "text", "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"])))
            else:
                print(c.get("r"), "number", float(c.find("m:v", ns).text))
        """

    @Test("Python's zipfile and ElementTree read the workbook: every part present, text inline, numbers numeric")
    func pythonReadsIt() throws {
        guard let python = Self.python else { return }
        // setup
        let data = try XLSXWriter.workbook(
            sheetName: "排名 Ranking",
            rows: [[.text("单位 unit"), .text("总分 total")], [.text("青山公安分局 <&>"), .number(-4.5)]])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ranking.xlsx")
        try data.write(to: file)
        // act
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // verify
        #expect(process.terminationStatus == 0)
        #expect(
            printed.split(separator: "\n") == [
                "A1 text 单位 unit", "B1 text 总分 total", "A2 text 青山公安分局 <&>", "B2 number -4.5",
            ])
    }
}
