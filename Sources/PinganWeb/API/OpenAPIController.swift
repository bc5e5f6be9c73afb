import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the OpenAPI 3.1 document (issue 3 §9) to anyone: it describes the API, not its data.
struct OpenAPIController {
    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("openapi.json") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.json())))
        }
    }
}
