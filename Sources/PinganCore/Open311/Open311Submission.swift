import Foundation

/// A service request as a client posts it (Open311 GeoReport v2 "POST Service Request"), decoded from the form
/// fields and checked against the specification's rules. The citizen's personal fields are kept apart
/// (``contact``): Pingan stores them only as sealed case parties (BRIEF §6) and never returns them.
public struct Open311Submission: Sendable, Equatable {
    /// The citizen's contact details, as posted.
    public struct Contact: Sendable, Equatable {
        /// Given name.
        public var firstName: String?
        /// Family name.
        public var lastName: String?
        /// Phone number.
        public var phone: String?
        /// E-mail address.
        public var email: String?

        /// Whether nothing was given.
        public var isEmpty: Bool { firstName == nil && lastName == nil && phone == nil && email == nil }

        /// The name in Chinese order (family name first), or `nil` when neither part was given.
        public var fullName: String? {
            let parts = [lastName, firstName].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: parts.allSatisfy(Self.isASCII) ? " " : "")
        }

        private static func isASCII(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.isASCII) }
    }

    /// `jurisdiction_id`, when given.
    public var jurisdictionID: String?
    /// `service_code`: the category code.
    public var serviceCode: String
    /// `lat` (WGS84).
    public var latitude: Double?
    /// `long` (WGS84).
    public var longitude: Double?
    /// `address_string`.
    public var address: String?
    /// `address_id`: Pingan reads it as a region (grid) code.
    public var addressID: String?
    /// `description`, at most 4 000 characters.
    public var description: String
    /// `media_url`.
    public var mediaURL: String?
    /// `attribute[CODE]` and `attribute[CODE][]` answers.
    public var attributes: [String: [String]]
    /// The personal fields.
    public var contact: Contact

    /// The longest description the specification allows.
    public static let maximumDescriptionLength = 4_000

    /// Decodes and checks form `fields` in the order they were posted; an empty value counts as absent (the
    /// specification's rule for optional arguments). Every broken rule is reported at once; `api_key` is not read
    /// here.
    public static func parse(_ fields: [(name: String, value: String)]) -> Result<Open311Submission, PinganError> {
        var single: [String: String] = [:]
        var attributes: [String: [String]] = [:]
        var violations: [FieldViolation] = []
        for (name, raw) in fields {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.hasPrefix("attribute["), let code = attributeCode(name) {
                if !value.isEmpty { attributes[code, default: []].append(value) }
            } else if !value.isEmpty {
                single[name] = value
            }
        }
        let serviceCode = single["service_code"] ?? ""
        if serviceCode.isEmpty {
            violations.append(.init(field: "service_code", rule: "required", detail: "service_code is required"))
        }
        let latitude = coordinate(single["lat"], field: "lat", range: -90...90, into: &violations)
        let longitude = coordinate(single["long"], field: "long", range: -180...180, into: &violations)
        if (single["lat"] == nil) != (single["long"] == nil) {
            violations.append(
                .init(
                    field: single["lat"] == nil ? "lat" : "long", rule: "required", detail: "lat and long go together"))
        }
        if single["lat"] == nil, single["long"] == nil, single["address_string"] == nil, single["address_id"] == nil {
            violations.append(
                .init(
                    field: "location", rule: "required",
                    detail: "a location is required: lat and long, address_string or address_id"))
        }
        let description = single["description"] ?? ""
        if description.count > maximumDescriptionLength {
            violations.append(
                .init(field: "description", rule: "length", detail: "a description has at most 4000 characters"))
        }
        checkLength(single, ["address_string": 500, "address_id": 64, "first_name": 50, "last_name": 50], &violations)
        if let media = single["media_url"] {
            let url = URL(string: media)
            if media.count > 1_000 || url?.host == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "") {
                violations.append(.init(field: "media_url", rule: "format", detail: "an http or https URL"))
            }
        }
        if let phone = single["phone"],
            !(5...20).contains(phone.count) || !phone.allSatisfy({ $0.isNumber || "-+ ".contains($0) })
        {
            violations.append(.init(field: "phone", rule: "format", detail: "a phone number of 5 to 20 digits"))
        }
        if let email = single["email"], email.count > 254 || !isEmail(email) {
            violations.append(.init(field: "email", rule: "format", detail: "an e-mail address"))
        }
        if !violations.isEmpty { return .failure(.invalid(violations)) }
        return .success(
            Open311Submission(
                jurisdictionID: single["jurisdiction_id"], serviceCode: serviceCode, latitude: latitude,
                longitude: longitude, address: single["address_string"], addressID: single["address_id"],
                description: description, mediaURL: single["media_url"], attributes: attributes,
                contact: Contact(
                    firstName: single["first_name"], lastName: single["last_name"], phone: single["phone"],
                    email: single["email"])))
    }

    /// `CODE` from `attribute[CODE]` or `attribute[CODE][]`.
    static func attributeCode(_ name: String) -> String? {
        var rest = name.dropFirst("attribute[".count)
        if rest.hasSuffix("[]") { rest = rest.dropLast(2) }
        guard rest.hasSuffix("]") else { return nil }
        let code = rest.dropLast()
        return code.isEmpty || code.contains("[") || code.contains("]") ? nil : String(code)
    }

    private static func coordinate(
        _ text: String?, field: String, range: ClosedRange<Double>, into violations: inout [FieldViolation]
    ) -> Double? {
        guard let text else { return nil }
        guard let value = Double(text), range.contains(value) else {
            violations.append(
                .init(
                    field: field, rule: "range",
                    detail: "a WGS84 coordinate from \(Int(range.lowerBound)) to \(Int(range.upperBound))"))
            return nil
        }
        return value
    }

    private static func checkLength(
        _ fields: [String: String], _ limits: [String: Int], _ violations: inout [FieldViolation]
    ) {
        for (field, limit) in limits.sorted(by: { $0.key < $1.key }) where (fields[field]?.count ?? 0) > limit {
            violations.append(.init(field: field, rule: "length", detail: "at most \(limit) characters"))
        }
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
