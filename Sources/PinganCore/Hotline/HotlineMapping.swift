import Foundation

/// Which column of a 12345 hotline export holds which field of a work order (issue 4 §3 "column mapping
/// configurable"), as a JSON document:
///
/// ```json
/// {"columns": {"ticket_number": "工单编号", "received_at": "来电时间", "caller_category": "来电人类别",
///   "content": "诉求内容", "address": "地址", "region": "所属区域", "requested_unit": "承办单位",
///   "deadline": "办理时限", "category": "诉求分类"}, "default_category": "service.complaint"}
/// ```
///
/// Columns are found by their header text; every field may be remapped, and a mapping names only what differs from
/// the default. `ticket_number`, `received_at`, `content` and `region` must be present in the file; the others are
/// optional. `default_category` applies to rows without a category.
public struct HotlineMapping: Sendable, Equatable, Codable {
    /// The fields of a work order.
    public enum Field: String, Sendable, Equatable, Codable, CaseIterable {
        /// 工单编号: the hotline's ticket number, unique.
        case ticketNumber = "ticket_number"
        /// 来电时间: when the citizen called.
        case receivedAt = "received_at"
        /// 来电人类别: individual, enterprise … (not personal data).
        case callerCategory = "caller_category"
        /// 诉求内容.
        case content
        /// 地址.
        case address
        /// 所属区域: a region code or name.
        case region
        /// 承办单位: the unit the hotline asks to handle it, by code or name.
        case requestedUnit = "requested_unit"
        /// 办理时限.
        case deadline
        /// 诉求分类: a category code.
        case category

        /// Whether the file must have the column.
        public var isRequired: Bool { [.ticketNumber, .receivedAt, .content, .region].contains(self) }
    }

    /// Field → column header.
    public var columns: [String: String]
    /// The category of rows without one.
    public var defaultCategory: String

    /// The shipped mapping (the usual headers of 12345 exports).
    public static let standard = HotlineMapping(
        columns: [
            "ticket_number": "工单编号", "received_at": "来电时间", "caller_category": "来电人类别", "content": "诉求内容",
            "address": "地址", "region": "所属区域", "requested_unit": "承办单位", "deadline": "办理时限", "category": "诉求分类",
        ], defaultCategory: "service.complaint")

    /// Creates a mapping.
    public init(columns: [String: String], defaultCategory: String) {
        self.columns = columns
        self.defaultCategory = defaultCategory
    }

    enum CodingKeys: String, CodingKey {
        case columns
        case defaultCategory = "default_category"
    }

    /// Reads a mapping document; the fields it leaves out keep the standard columns. Unknown fields are refused
    /// (`mapping.columns.<name>`, rule `unknown`).
    public static func load(json: Data) throws(PinganError) -> HotlineMapping {
        struct Document: Decodable {
            var columns: [String: String]?
            var defaultCategory: String?
            enum CodingKeys: String, CodingKey {
                case columns
                case defaultCategory = "default_category"
            }
        }
        guard let document = try? JSONDecoder().decode(Document.self, from: json) else {
            throw .invalid(
                field: "mapping", rule: "format",
                detail: #"a JSON object {"columns": {field: header}, "default_category": code}"#)
        }
        var mapping = standard
        for (field, header) in document.columns ?? [:] {
            guard Field(rawValue: field) != nil else {
                throw .invalid(
                    field: "mapping.columns.\(field)", rule: "unknown",
                    detail: "fields: " + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            mapping.columns[field] = header
        }
        if let category = document.defaultCategory { mapping.defaultCategory = category }
        return mapping
    }

    /// The header of `field`.
    public func header(_ field: Field) -> String { columns[field.rawValue] ?? "" }
}
