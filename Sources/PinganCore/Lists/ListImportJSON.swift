import Foundation

/// The dry-run JSON of a list import, in the shape issue 7 gives, with snake_case keys in that order:
/// `{"lists": [{"title", "points", "chapters": [{"code", "title", "points", "items": [{"code", "title", "points",
/// "lead_units", "participating_units", "requirement"}]}], "negative_list": [{"text", "rule"}]}],
/// "problems": [{"line", "message"}]}`; a problem's message starts with its severity ("warning: ……").
///
/// An item with sub-items (a table list's 基本要求 rows) also carries them as `items`, in the same shape. A rule is
/// an object with `kind` (`per_incident`, `per_incident_by_severity`, `per_person`, `rate_threshold`) and its
/// figures, or null when the entry was flagged; `docs/LISTS.md` lists every field.
public enum ListImportJSON {
    /// A JSON value whose objects keep their keys in order.
    public indirect enum Value: Sendable, Equatable {
        /// A string.
        case string(String)
        /// An exact decimal number.
        case number(Decimal)
        /// true or false.
        case bool(Bool)
        /// null.
        case null
        /// An array.
        case array([Value])
        /// An object, keys in order.
        case object([(String, Value)])

        /// Compares two values, objects key by key in order.
        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.string(let a), .string(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.bool(let a), .bool(let b)): a == b
            case (.null, .null): true
            case (.array(let a), .array(let b)): a == b
            case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
            default: false
            }
        }
    }

    /// The result as pretty-printed JSON text (two-space indent, UTF-8 characters unescaped), ending in a newline.
    public static func encode(_ result: ListImportResult) -> String {
        encode(value(result)) + "\n"
    }

    /// A value as pretty-printed JSON text (two-space indent, UTF-8 characters unescaped).
    public static func encode(_ value: Value) -> String {
        var output = ""
        write(value, indent: 0, to: &output)
        return output
    }

    /// The result as a JSON value.
    public static func value(_ result: ListImportResult) -> Value {
        .object([
            ("lists", .array(result.lists.map(value))),
            (
                "problems",
                .array(
                    result.problems.map { problem in
                        .object([
                            ("line", problem.line.map { .number(Decimal($0)) } ?? .null),
                            ("message", .string("\(problem.severity.rawValue): \(problem.message)")),
                        ])
                    })
            ),
        ])
    }

    /// A list as a JSON value.
    public static func value(_ list: ResponsibilityList) -> Value {
        .object([
            ("title", .string(list.title)),
            ("points", number(list.points)),
            (
                "chapters",
                .array(
                    list.chapters.map { chapter in
                        .object([
                            ("code", .string(chapter.code)),
                            ("title", .string(chapter.title)),
                            ("points", number(chapter.points)),
                            ("items", .array(chapter.items.map(value))),
                        ])
                    })
            ),
            (
                "negative_list",
                .array(
                    list.negativeList.map { entry in
                        .object([("text", .string(entry.text)), ("rule", entry.rule.map(value) ?? .null)])
                    })
            ),
        ])
    }

    /// An item as a JSON value.
    public static func value(_ item: ListItem) -> Value {
        var fields: [(String, Value)] = [
            ("code", .string(item.code)),
            ("title", .string(item.title)),
            ("points", number(item.points)),
            ("lead_units", .array(item.leadUnits.map(Value.string))),
            ("participating_units", .array(item.participatingUnits.map(Value.string))),
            ("requirement", .string(item.requirement)),
        ]
        if !item.subitems.isEmpty { fields.append(("items", .array(item.subitems.map(value)))) }
        return .object(fields)
    }

    /// A deduction rule as a JSON value.
    public static func value(_ rule: DeductionRule) -> Value {
        var fields: [(String, Value)]
        switch rule.basis {
        case .perIncident(let points, let counter):
            fields = [("kind", .string("per_incident")), ("points", .number(points)), ("counter", .string(counter))]
        case .perPerson(let points):
            fields = [("kind", .string("per_person")), ("points", .number(points))]
        case .perIncidentBySeverity(let steps):
            let severities = steps.map { step in
                Value.object([
                    ("severity", .string(step.severity)), ("points", .number(step.points)),
                    ("counter", .string(step.counter)),
                ])
            }
            fields = [("kind", .string("per_incident_by_severity")), ("severities", .array(severities))]
        case .rateThreshold(let rate):
            fields = [
                ("kind", .string("rate_threshold")),
                ("metric", .string(rate.metric)),
                ("per_population", rate.perPopulation.map { .number(Decimal($0)) } ?? .null),
                ("comparison", .string(rate.comparison.rawValue)),
                ("threshold", .number(rate.threshold)),
                ("percentage", .bool(rate.isPercentage)),
                ("first_deduction", .number(rate.firstDeduction)),
                ("step_size", number(rate.stepSize)),
                ("step_deduction", number(rate.stepDeduction)),
                ("population_base", rate.populationBase.map(Value.string) ?? .null),
            ]
        }
        fields.append(("cap", number(rule.cap)))
        return .object(fields)
    }

    private static func number(_ value: Decimal?) -> Value {
        value.map(Value.number) ?? .null
    }

    private static func write(_ value: Value, indent: Int, to output: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case .string(let text): output += quoted(text)
        case .number(let number): output += "\(number)"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += pad
                write(element, indent: indent + 2, to: &output)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let fields):
            guard !fields.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, element)) in fields.enumerated() {
                output += pad + quoted(key) + ": "
                write(element, indent: indent + 2, to: &output)
                output += index + 1 < fields.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
