import Foundation
import PinganSignals

/// Input and output helpers shared by the `pingan signals` subcommands.
enum SignalsIO {
    /// The bytes of `path`, or of standard input for `-` or nil.
    static func read(_ path: String?) throws -> Data {
        if let path, path != "-" {
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw SignalsCLIError("cannot read \(path): \(error.localizedDescription)")
            }
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    /// Writes `text` to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Parses posts, reporting each bad line on standard error and a summary line.
    static func posts(_ path: String?) throws -> [Post] {
        let parser = PostParser(pseudonymizer: Pseudonymizer(key: try CLISecrets.signalsKey()))
        let report = parser.parse(try read(path))
        for error in report.errors {
            if case .badLine(let line, let reason) = error { warn("line \(line): \(reason)") }
        }
        if !report.errors.isEmpty {
            warn("\(report.errors.count) of \(report.linesRead) line(s) skipped")
        }
        return report.posts
    }

    /// Loads subjects from `path` (nil: none).
    static func subjects(_ path: String?) throws -> [SubjectExpression] {
        guard let path else { return [] }
        let data = try read(path)
        do {
            return try SubjectMatcher.parse(file: String(decoding: data, as: UTF8.self))
        } catch SignalsError.subjectSyntax(let subject, let position, let reason) {
            throw SignalsCLIError("subject \(subject): position \(position): \(reason)")
        }
    }

    /// One JSON line with sorted keys.
    static func jsonLine(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A buffered standard-output writer.
    struct Output {
        private var buffer: [UInt8] = []

        mutating func line(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(0x0A)
            if buffer.count > 1 << 16 { flush() }
        }

        mutating func flush() {
            FileHandle.standardOutput.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// ISO 8601 UTC text of epoch seconds.
    static func isoTime(_ seconds: Int64) -> String {
        let day = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(day) * 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(ISO8601Time.dateString(day: day))T\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))Z"
    }
}

/// A user-facing CLI failure: one clear line on standard error.
struct SignalsCLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
