import Foundation

/// A unit name as a responsibility list mentions it, with where it is first mentioned (issue 7: every unit is
/// matched or reported with its line number).
public struct ListUnitMention: Sendable, Equatable, Codable {
    /// The name as written in the list, with a trailing "等" removed ("区公安分局", "各街道办事处").
    public var name: String
    /// The 1-based line of the chapter or item that first names the unit.
    public var line: Int
    /// The code of that chapter or item ("3", "II-1").
    public var code: String

    /// Creates a mention.
    public init(name: String, line: Int, code: String) {
        self.name = name
        self.line = line
        self.code = code
    }
}
