import ArgumentParser
import Foundation
import PinganWeb

/// `pingan openapi`: print the OpenAPI 3.1 document that the server serves at `/api/v1/openapi.json`.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi", abstract: "Print the OpenAPI 3.1 document of the HTTP API (JSON) to stdout.")

    func run() throws {
        FileHandle.standardOutput.write(try OpenAPIDocument.json())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
