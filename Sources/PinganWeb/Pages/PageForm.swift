import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// A submitted HTML form (`application/x-www-form-urlencoded`).
///
/// Every page that accepts a POST reads its form through ``read(_:context:keys:)``, which checks the `_csrf` field
/// against the session: the API's `X-CSRF-Token` header rule, for forms that cannot send headers (see
/// ``AuthMiddleware``).
struct PageForm: Sendable {
    /// The fields in the order sent.
    var fields: [(name: String, value: String)]

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    func value(_ name: String) -> String? {
        guard let raw = fields.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every non-blank value of `name`.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Parses an urlencoded body.
    static func parse(_ body: String) -> PageForm {
        let pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        return PageForm(fields: pairs.map { (name: $0.0, value: $0.1) })
    }

    /// Reads the form of a signed-in user's request and checks its CSRF field; a missing or wrong token is a 403.
    static func read(_ request: Request, context: PinganRequestContext, keys: Keys) async throws -> PageForm {
        let form = try await readUnchecked(request, context: context)
        guard let tokenID = context.tokenID, context.viaCookie else {
            throw PinganError.unauthenticated("sign in first")
        }
        guard
            context.csrfVerified
                || form.value("_csrf").map({ AuthMiddleware.isValidCSRF($0, tokenID: tokenID, keys: keys) }) == true
        else { throw PinganError.forbidden("the form's _csrf field is missing or wrong; reload the page") }
        return form
    }

    /// Reads a form without a session (the login form checks its own token).
    static func readUnchecked(_ request: Request, context: PinganRequestContext) async throws -> PageForm {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        return parse(String(buffer: body))
    }

    /// A `datetime-local` value (`2026-11-22T10:30`, China Standard Time) as an instant, or a violation on `field`.
    static func localTime(_ text: String?, field: String, into violations: inout [FieldViolation]) -> Date? {
        guard let text else { return nil }
        let digits = text.split(whereSeparator: { "-T: ".contains($0) }).compactMap { Int($0) }
        guard digits.count >= 5,
            let date = PageLocale.calendar.date(
                from: DateComponents(
                    year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4]))
        else {
            violations.append(.init(field: field, rule: "format", detail: "expected a date and time"))
            return nil
        }
        return date
    }
}
