import ArgumentParser
import Foundation
import PinganSignals

/// `pingan signals aberration`: EARS C1/C2/C3 or CUSUM over a `t,count` CSV series (issue 5, §7 and §9).
struct AberrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aberration",
        abstract: "Detect aberrations in a count series (CSV with header, rows t,count).",
        discussion: "Output: CSV t,count,upperbound,alarm for every t the method can evaluate. NA where R gives NA."
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case c1, c2, c3, cusum
    }

    @Option(help: "c1, c2, c3 or cusum.") var method: Method
    @Option(help: "Reference window (EARS) or training length (CUSUM).") var baseline = 7
    @Option(help: "False-alarm probability; threshold z = qnorm(1 - alpha). Default: R's (0.001 C1/C2, 0.025 C3).")
    var alpha: Double?
    @Option(name: .customLong("min-sigma"), help: "Floor on the standard deviation.") var minSigma = 0.0
    @Flag(
        name: .customLong("r-compatible"),
        help: "C3 as R's earsC code computes it; CUSUM without reset (as algo.cusum).")
    var rCompatible = false
    @Option(help: "CUSUM reference value k.") var k = 1.04
    @Option(help: "CUSUM decision interval h.") var h = 2.26
    @Option(help: "CSV file, or - for standard input.") var input: String

    func run() async throws {
        let data = try SignalsIO.read(input)
        let (labels, counts) = try Self.parseSeries(String(decoding: data, as: UTF8.self))
        let points: [AberrationPoint]
        do {
            switch method {
            case .c1, .c2, .c3:
                let ears = try EARS(
                    method: EARS.Method(rawValue: method.rawValue) ?? .c1, baseline: baseline, alpha: alpha,
                    minSigma: minSigma, rCompatible: rCompatible)
                points = ears.evaluate(counts)
            case .cusum:
                points = try CUSUM(k: k, h: h, baseline: baseline, reset: !rCompatible).evaluate(counts)
            }
        } catch SignalsError.invalidParameter(let name, let reason) {
            throw ValidationError("--\(name): \(reason)")
        }
        var output = SignalsIO.Output()
        output.line("t,count,upperbound,alarm")
        for point in points {
            let alarm = point.alarm.map { $0 ? "1" : "0" } ?? "NA"
            output.line("\(labels[point.index]),\(Self.number(point.count)),\(Self.number(point.upperbound)),\(alarm)")
        }
        output.flush()
    }

    /// Numbers with up to 10 significant digits (at least 6 as the contract asks); NA, Inf, -Inf as R writes them.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NA" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        return String(format: "%.10g", value)
    }

    /// The t labels and counts of a CSV with a header; errors name the line.
    static func parseSeries(_ text: String) throws -> ([String], [Double]) {
        var labels: [String] = []
        var counts: [Double] = []
        var sawHeader = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if !sawHeader {
                sawHeader = true
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 2 else { throw SignalsCLIError("line \(offset + 1): expected t,count") }
            guard let count = Double(fields[1]), count >= 0, count.isFinite else {
                throw SignalsCLIError("line \(offset + 1): count '\(fields[1])' is not a non-negative number")
            }
            guard Int(fields[0]) != nil || ISO8601Time.epochSeconds(fields[0]) != nil else {
                throw SignalsCLIError("line \(offset + 1): t '\(fields[0])' is neither an integer nor an ISO date")
            }
            labels.append(fields[0])
            counts.append(count)
        }
        guard sawHeader else { throw SignalsCLIError("empty input: expected a header line t,count") }
        return (labels, counts)
    }
}
