import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// The ledger metrics API (issue 3 §8): `GET /api/v1/metrics/ledger?unit=CODE|region=CODE&from=&to=`. Every number
/// comes with its definition and the figures that produced it (DESIGN principle 5).
struct MetricsController {
    let metrics: LedgerMetricsService

    struct LedgerDTO: ResponseEncodable {
        var scope: ScopeDTO
        var from: Date
        var to: Date
        var evaluatedAt: Date
        var percentileMethod: String
        var values: [String: Double?]
        var figures: [FigureDTO]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scope, forKey: .scope)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(evaluatedAt, forKey: .evaluatedAt)
            try container.encode(percentileMethod, forKey: .percentileMethod)
            // Explicit nulls: an undefined rate is `null`, not a missing key.
            try container.encode(values, forKey: .values)
            try container.encode(figures, forKey: .figures)
        }

        enum CodingKeys: String, CodingKey {
            case scope, from, to, evaluatedAt, percentileMethod, values, figures
        }
    }

    struct ScopeDTO: Encodable {
        var kind: String
        var code: String
        var name: String
    }

    struct FigureDTO: Encodable {
        var figure: LedgerFigure

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(figure.key, forKey: .key)
            try container.encode(figure.value, forKey: .value)
            try container.encode(figure.unit, forKey: .unit)
            try container.encodeIfPresent(figure.numerator, forKey: .numerator)
            try container.encodeIfPresent(figure.denominator, forKey: .denominator)
            try container.encodeIfPresent(figure.breakdown, forKey: .breakdown)
            try container.encode(figure.cases, forKey: .cases)
            try container.encode(figure.definition, forKey: .definition)
            try container.encode(figure.explanation, forKey: .explanation)
        }

        enum CodingKeys: String, CodingKey {
            case key, value, unit, numerator, denominator, breakdown, cases, definition, explanation
        }
    }

    static let percentileMethod =
        "nearest rank: the p-th percentile of n sorted values is the k-th with k = ceil(p × n / 100); the median is "
        + "the 50th percentile (for an even n, the lower middle value)"

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("metrics/ledger") { request, context -> LedgerDTO in
            let actor = try context.actor()
            var reader = QueryReader(request.uri.queryParameters)
            let from = reader.date("from")
            let to = reader.date("to")
            try reader.finish()
            let report = try await metrics.ledger(
                unit: reader.text("unit"), region: reader.text("region"), from: from, to: to, by: actor)
            let figures = report.metrics.figures
            return LedgerDTO(
                scope: ScopeDTO(kind: report.scopeKind, code: report.scopeCode, name: report.scopeName),
                from: report.metrics.period.from, to: report.metrics.period.to,
                evaluatedAt: report.metrics.evaluatedAt, percentileMethod: Self.percentileMethod,
                values: Dictionary(uniqueKeysWithValues: figures.map { ($0.key, $0.value) }),
                figures: figures.map(FigureDTO.init))
        }
    }
}
