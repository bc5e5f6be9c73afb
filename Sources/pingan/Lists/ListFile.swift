import ArgumentParser
import Foundation
import PinganCore

/// Reading list documents from files for `pingan lists …`, and the one-line failures of those commands.
enum ListFile {
    /// The file's bytes; a missing file or a directory ends the command with one line, a file over the 50 MB limit
    /// throws before it is read.
    static func read(_ file: String) throws(ListImportError) -> Data {
        let path = URL(fileURLWithPath: file).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            fail("import", "\(file): no such file")
        }
        guard !isDirectory.boolValue else { fail("import", "\(file): is a directory, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        // Checked before reading, so that a huge file is never loaded.
        let limit = ResponsibilityListTextParser.maximumBytes
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            fail("import", "\(file): cannot read the file")
        }
        return data
    }

    /// Writes "pingan lists SUBCOMMAND: message" to stderr and exits with `code`.
    static func fail(_ subcommand: String, _ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("pingan lists \(subcommand): \(message)\n".utf8))
        ListsCommand.exit(withError: ExitCode(code))
    }
}
