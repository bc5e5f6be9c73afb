import Foundation
import Hummingbird
import Logging

/// Turns every error into an RFC 9457 problem response. Errors a client caused become 4xx with the field and rule;
/// anything else is logged with the request id and answered as a bare 500, so that driver errors never reach a
/// client.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = PinganRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(for: error, request: request, context: context)
        }
    }

    /// The problem response for `error`; anything a client did not cause is logged and answered as a bare 500.
    static func response(for error: any Error, request: Request, context: Context) -> Response {
        var problem: Problem
        if let known = Problem.from(error) {
            problem = known
        } else {
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            problem = Problem(
                type: "internal", title: "Internal server error", status: .internalServerError,
                detail: "the server could not complete the request; quote the request id when reporting it")
        }
        problem.instance = request.uri.path
        problem.requestId = context.id
        return problem.response()
    }
}
