import Foundation

/// An outbound webhook (issue 3 §6): events of one unit, or of all units when `unitID` is nil, are POSTed as JSON to
/// `url`, signed with HMAC-SHA256 under the subscription's secret.
public struct WebhookSubscription: Sendable, Equatable {
    /// Identifier.
    public var id: UUID
    /// The unit whose events it receives; nil for every unit.
    public var unitID: UUID?
    /// Where to POST.
    public var url: String
    /// Event names it wants (`case.escalated`, …); empty means all.
    public var events: [String]
    /// Whether deliveries are made.
    public var active: Bool

    /// Creates a subscription.
    public init(id: UUID, unitID: UUID?, url: String, events: [String], active: Bool) {
        self.id = id
        self.unitID = unitID
        self.url = url
        self.events = events
        self.active = active
    }

    /// Whether this subscription receives `event` raised for `unit`.
    public func wants(event: String, unit: UUID?) -> Bool {
        guard active else { return false }
        if let unitID, unitID != unit { return false }
        return events.isEmpty || events.contains(event)
    }

    /// Checks a URL for a webhook: absolute `http` or `https` with a host; `http` only for loopback and private
    /// networks is the operator's call, so both are accepted.
    public static func validate(url: String, events: [String]) throws(PinganError) {
        var violations: [FieldViolation] = []
        let parsed = URL(string: url)
        let scheme = parsed?.scheme?.lowercased()
        if !(scheme == "http" || scheme == "https") || parsed?.host?.isEmpty != false || url.count > 2000 {
            violations.append(.init(field: "url", rule: "format", detail: "an absolute http(s) URL is required"))
        }
        for (index, event) in events.enumerated() where !Self.eventNamePattern(event) {
            violations.append(
                .init(field: "events[\(index)]", rule: "format", detail: "an event name looks like 'case.escalated'"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }

    private static func eventNamePattern(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return (3...64).contains(bytes.count)
            && bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2E || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
