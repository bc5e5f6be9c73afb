import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import PinganWeb
import SQLKit
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A third-party Open311 client's view: plain HTTP over loopback with URLSession, nothing of Pingan's own test
/// client. The published Open311 JSON schemas (open311/schema-validation) are not available offline, so the shapes
/// the GeoReport v2 specification requires are encoded here (`Open311Shapes`).
struct Open311Client: Sendable {
    let base: URL

    struct Answer: Sendable {
        var status: Int
        var contentType: String
        var body: Data
        var headers: [String: String]
        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
        func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]], "not an array: \(text)") }
    }

    func get(_ path: String) async throws -> Answer {
        try await send(URLRequest(url: try #require(URL(string: path, relativeTo: base))))
    }

    func post(_ path: String, form: [(String, String)]) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: path, relativeTo: base)))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded; charset=utf-8", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(
            form.map { name, value in
                (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                    + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
            }.joined(separator: "&").utf8)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Answer(
            status: http.statusCode, contentType: headers["content-type"] ?? "", body: data, headers: headers)
    }
}

/// The shapes the GeoReport v2 specification requires, checked on parsed JSON. They restate, in our own words, the
/// constraints of the JSON Schemas published in `open311/schema-validation` (`schema/georeport-v2/request.json`,
/// `service.json`, `service-definition.json`): required members, types (codes and ids as strings, `status`
/// open/closed, coordinates as numbers, nullable optional members) and enumerations. The schema files themselves are
/// not vendored.
enum Open311Shapes {
    enum Kind { case string, number, integer, boolean }

    static let requestRequired = ["service_request_id", "status", "service_code", "requested_datetime"]
    static let requestTypes: [String: Kind] = [
        "service_request_id": .string, "status": .string, "status_notes": .string, "service_name": .string,
        "service_code": .string, "description": .string, "agency_responsible": .string, "service_notice": .string,
        "requested_datetime": .string, "updated_datetime": .string, "expected_datetime": .string, "address": .string,
        "address_id": .string, "zipcode": .string, "lat": .number, "long": .number, "media_url": .string,
    ]
    static let serviceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
    static let serviceTypes: [String: Kind] = [
        "service_code": .string, "service_name": .string, "description": .string, "metadata": .boolean,
        "type": .string, "keywords": .string, "group": .string,
    ]
    static let attributeTypes: [String: Kind] = [
        "variable": .boolean, "code": .string, "datatype": .string, "required": .boolean,
        "datatype_description": .string, "order": .integer, "description": .string,
    ]

    static func isW3CTime(_ text: String) -> Bool {
        text.range(
            of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression)
            != nil
    }

    /// Whether `value` has `kind` (or is JSON null, which every optional member allows).
    static func matches(_ value: Any, _ kind: Kind, nullable: Bool) -> Bool {
        if value is NSNull { return nullable }
        switch kind {
        case .string: return value is String
        // JSONSerialization gives NSNumber for numbers and booleans alike; the XML test checks the literal text.
        case .boolean: return value is Bool
        case .number: return value is NSNumber
        case .integer: return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        }
    }

    static func check(
        _ object: [String: Any], types: [String: Kind], required: [String], what: String
    ) {
        for field in required { #expect(object[field] != nil && !(object[field] is NSNull), "\(what) lacks \(field)") }
        for (key, value) in object {
            guard let kind = types[key] else {
                Issue.record("\(what) has a member outside the specification: \(key)")
                continue
            }
            #expect(matches(value, kind, nullable: !required.contains(key)), "\(what).\(key) is not \(kind)")
        }
    }

    /// A request from a JSON list: required fields present, codes and ids as strings, status open/closed, times
    /// with an offset, no member outside the specification (and so no personal data).
    static func checkRequest(_ request: [String: Any]) {
        check(request, types: requestTypes, required: requestRequired, what: "request")
        #expect(["open", "closed"].contains(request["status"] as? String))
        if let description = request["description"] as? String { #expect(description.count <= 4_000) }
        for field in ["requested_datetime", "updated_datetime", "expected_datetime"] {
            if let time = request[field] as? String { #expect(isW3CTime(time), "\(field) \(time)") }
        }
    }

    /// A service of the list.
    static func checkService(_ service: [String: Any]) {
        check(
            service, types: serviceTypes, required: ["service_code", "service_name", "metadata", "type"],
            what: "service")
        #expect(["realtime", "batch", "blackbox"].contains(service["type"] as? String))
    }

    /// A service definition.
    static func checkDefinition(_ definition: [String: Any]) {
        #expect(definition["service_code"] is String)
        let attributes = definition["attributes"] as? [[String: Any]]
        #expect(attributes != nil, "service_definition lacks attributes")
        for attribute in attributes ?? [] {
            var plain = attribute
            let values = plain.removeValue(forKey: "values")
            check(
                plain, types: attributeTypes, required: ["variable", "code", "datatype", "required"],
                what: "attribute")
            #expect(ServiceAttribute.Datatype(rawValue: attribute["datatype"] as? String ?? "") != nil)
            if let values {
                let list = values as? [[String: Any]]
                #expect(list != nil)
                for value in list ?? [] {
                    #expect(value["key"] is String && value["name"] is String && value.count == 2)
                }
            }
        }
    }
}

/// A minimal XML tree read with Foundation's XMLParser: a well-formedness check and a way to look at the shape.
final class XMLTree: NSObject, XMLParserDelegate, @unchecked Sendable {
    final class Node {
        let name: String
        var children: [Node] = []
        var text = ""
        init(name: String) { self.name = name }
        func child(_ name: String) -> Node? { children.first { $0.name == name } }
    }

    private var stack: [Node] = []
    private(set) var root: Node?

    static func parse(_ data: Data) throws -> Node {
        let tree = XMLTree()
        let parser = XMLParser(data: data)
        parser.delegate = tree
        let ok = parser.parse()
        try #require(ok, "not well-formed XML: \(String(describing: parser.parserError))")
        return try #require(tree.root)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = Node(name: elementName)
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

@Suite("Open311 GeoReport v2 server")
struct Open311Tests {
    struct Live: Sendable {
        let client: Open311Client
        let env: ServiceEnvironment
        let clock: TestClock
        let api: any TestClientProtocol

        /// Signs in through the API over the same live connection.
        func login(_ username: String) async throws -> String {
            let response = try await api.execute(
                uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username": "\#(username)", "password": "\#(TestEnvironment.password)"}"#))
            try #require(response.status == .created)
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
            return try #require((object as? [String: Any])?["token"] as? String)
        }

        /// Issues an Open311 key for a client system opened as operator.zhou.
        func issueKey(name: String = "12345 热线") async throws -> String {
            let admin = try await login("admin")
            let response = try await api.execute(
                uri: "/api/v1/open311/clients", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(admin)"],
                body: ByteBuffer(string: #"{"name": "\#(name)", "username": "operator.zhou"}"#))
            try #require(response.status == .created, "\(String(buffer: response.body))")
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
            return try #require((object as? [String: Any])?["api_key"] as? String)
        }

        func json(
            _ method: HTTPRequest.Method, _ uri: String, token: String, body: String? = nil
        ) async throws
            -> [String: Any]
        {
            var headers: HTTPFields = [.authorization: "Bearer \(token)"]
            if body != nil { headers[.contentType] = "application/json" }
            let response = try await api.execute(
                uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            let object = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
            var result = object as? [String: Any] ?? [:]
            result["_status"] = Int(response.status.code)
            return result
        }
    }

    /// Runs the real application on a loopback port (port 0: the system picks a free one).
    static func live(
        engine: TestEngine = .sqlite, settings: WebSettings = WebSettings(port: 0),
        _ body: @escaping @Sendable (Live) async throws -> Void
    ) async throws {
        try await TestDatabase.with(engine) { provider in
            let clock = TestClock()
            let env = TestEnvironment.make(provider, clock: clock)
            try await TestEnvironment.loadDemo(env)
            let app = Application(
                router: buildRouter(env: env, settings: settings),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { api in
                let port = try #require(api.port)
                let client = Open311Client(base: try #require(URL(string: "http://127.0.0.1:\(port)/open311/")))
                try await body(Live(client: client, env: env, clock: clock, api: api))
            }
        }
    }

    static func form(
        apiKey: String, service: String = "service.city", extra: [(String, String)] = []
    ) -> [(
        String, String
    )] {
        [
            ("api_key", apiKey), ("service_code", service), ("lat", "30.5801"), ("long", "114.2734"),
            ("address_string", "青山区官园街道桃李苑小区北门"), ("description", "小区北门外占道经营,夜间噪音大。"),
            ("attribute[problem_type]", "street_vending"), ("first_name", "某某"), ("last_name", "张"),
            ("phone", "13800000000"), ("email", "zhang@example.com"),
        ] + extra
    }

    @Test(arguments: TestEngine.available)
    func aClientListsServicesPostsARequestAndReadsItBackInJSON(engine: TestEngine) async throws {
        try await Self.live(engine: engine) { live in
            // setup
            let key = try await live.issueKey()
            // act: discovery, services, definition
            let discovery = try await live.client.get("discovery.json")
            let services = try await live.client.get("v2/services.json")
            let definition = try await live.client.get("v2/services/service.city.json")
            // verify
            #expect(discovery.status == 200)
            #expect(discovery.contentType.hasPrefix("application/json"))
            let document = try #require(try discovery.json() as? [String: Any])
            for field in ["changeset", "contact", "key_service", "endpoints"] { #expect(document[field] != nil) }
            let endpoint = try #require((document["endpoints"] as? [[String: Any]])?.first)
            for field in ["specification", "url", "changeset", "type", "formats"] { #expect(endpoint[field] != nil) }
            #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            #expect((endpoint["formats"] as? [String])?.contains("text/xml") == true)

            let list = try services.array()
            #expect(list.count >= 20)
            for service in list {
                Open311Shapes.checkService(service)
                for field in Open311Shapes.serviceFields { #expect(service[field] != nil, "service lacks \(field)") }
                #expect(service["type"] as? String == "realtime")
            }
            #expect(list.first { $0["service_code"] as? String == "service.city" }?["metadata"] as? Bool == true)

            let defined = try #require(try definition.json() as? [String: Any])
            Open311Shapes.checkDefinition(defined)
            #expect(defined["service_code"] as? String == "service.city")
            let attributes = try #require(defined["attributes"] as? [[String: Any]])
            let problemType = try #require(attributes.first { $0["code"] as? String == "problem_type" })
            #expect(problemType["datatype"] as? String == "singlevaluelist")
            #expect(problemType["required"] as? Bool == true)
            #expect(problemType["order"] as? Int == 1)
            #expect(
                (problemType["values"] as? [[String: Any]])?.contains { $0["key"] as? String == "street_vending" }
                    == true)

            // act: post and read back
            let posted = try await live.client.post("v2/requests.json", form: Self.form(apiKey: key))
            #expect(posted.status == 200, "\(posted.text)")
            let receipt = try #require(try posted.array().first)
            let id = try #require(receipt["service_request_id"] as? String)
            #expect(receipt["token"] == nil)
            #expect(receipt["service_notice"] as? String == "受理后5个工作日内办结")

            let single = try await live.client.get("v2/requests/\(id).json")
            let listed = try await live.client.get("v2/requests.json?service_code=service.city&status=open")
            // verify
            let request = try #require(try single.array().first)
            Open311Shapes.checkRequest(request)
            #expect(request["service_request_id"] as? String == id)
            #expect(request["status"] as? String == "open")
            #expect(request["status_notes"] as? String == "已受理,等待分派责任单位")
            #expect(request["address"] as? String == "青山区官园街道桃李苑小区北门")
            #expect(request["lat"] as? Double == 30.5801)
            #expect(request["expected_datetime"] is String)
            #expect(!single.text.contains("13800000000") && !single.text.contains("张某某"))
            #expect(!single.text.contains("zhang@example.com"))
            #expect(try listed.array().map { $0["service_request_id"] as? String } == [id])

            // the case is a request from the open311 channel, in the ledger, with the citizen as a sealed party
            let operatorPrincipal = try await AuthService(live.env).authenticate(
                token: try await live.login("operator.zhou")
            ).0
            let cases = CaseService(live.env)
            let record = try await cases.find(id, by: operatorPrincipal)
            #expect(record.kind == .request && record.source == .open311 && record.isPublic)
            let parties = try await cases.parties(id, by: operatorPrincipal)
            #expect(parties.map(\.name) == ["张某某"])
            #expect(parties.first?.email == "zhang@example.com")
            // the audit log names the client system, and holds no personal data
            let audit = try await live.env.provider.read { db in
                try await db.raw("SELECT actor, action, change FROM audit_log WHERE object_id = \(bind: id)").all().map
                {
                    "\(try $0.decode(column: "actor", as: String.self)) \(try $0.decode(column: "action", as: String.self)) "
                        + (try $0.decode(column: "change", as: String.self))
                }
            }
            #expect(audit.contains { $0.hasPrefix("open311:12345 热线 open311.request") })
            #expect(audit.contains { $0.hasPrefix("operator.zhou case.create") })
            #expect(!audit.joined().contains("13800000000") && !audit.joined().contains("张某某"))
        }
    }

    @Test func aClientHasTheSameConversationInXML() async throws {
        try await Self.live { live in
            // setup
            let key = try await live.issueKey()
            // act
            let discovery = try await live.client.get("discovery.xml")
            let services = try await live.client.get("v2/services.xml")
            let definition = try await live.client.get("v2/services/service.utilities.xml")
            let posted = try await live.client.post(
                "v2/requests.xml",
                form: [
                    ("api_key", key), ("service_code", "service.utilities"), ("address_id", "990102002001"),
                    ("description", "停水两天 <未通知> & 无人答复"), ("attribute[utility]", "water"),
                    ("attribute[households]", "120"),
                ])
            // verify
            for answer in [discovery, services, definition, posted] {
                #expect(answer.status == 200, "\(answer.text)")
                #expect(answer.contentType.hasPrefix("text/xml"))
                #expect(answer.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?>"#))
                #expect(!answer.text.contains("xmlns"))
            }
            let discoveryRoot = try XMLTree.parse(discovery.body)
            #expect(discoveryRoot.name == "discovery")
            #expect(discoveryRoot.child("endpoints")?.child("endpoint")?.child("formats")?.children.count == 2)
            let servicesRoot = try XMLTree.parse(services.body)
            #expect(servicesRoot.name == "services")
            #expect(servicesRoot.children.allSatisfy { $0.name == "service" })
            let first = try #require(servicesRoot.children.first)
            #expect(first.children.map(\.name) == Open311Shapes.serviceFields)
            #expect(["true", "false"].contains(first.child("metadata")?.text ?? ""))
            let definitionRoot = try XMLTree.parse(definition.body)
            #expect(definitionRoot.name == "service_definition")
            #expect(definitionRoot.child("attributes")?.children.first?.child("values")?.children.count == 4)

            let receipt = try XMLTree.parse(posted.body)
            #expect(receipt.name == "service_requests")
            let id = try #require(receipt.child("request")?.child("service_request_id")?.text)

            let read = try await live.client.get("v2/requests/\(id).xml?extensions=true")
            #expect(read.status == 200)
            let readRoot = try XMLTree.parse(read.body)
            let request = try #require(readRoot.child("request"))
            #expect(request.child("service_request_id")?.text == id)
            #expect(request.child("status")?.text == "open")
            #expect(request.child("description")?.text.hasPrefix("停水两天 <未通知> & 无人答复") == true)
            #expect(request.child("address_id")?.text == "990102002001")
            #expect(request.child("notes")?.child("note")?.child("type")?.text == "submitted")
            for field in Open311Shapes.requestRequired { #expect(request.child(field) != nil) }
            // the case sits in the region address_id named
            let stored = try await live.env.provider.read { db in try await CaseRepository(db).find(number: id) }
            #expect(stored?.record.regionCode == "990102002001")
        }
    }

    @Test func errorsFollowTheSpecification() async throws {
        try await Self.live { live in
            // setup
            let key = try await live.issueKey()
            // act
            let noKey = try await live.client.post("v2/requests.json", form: [("service_code", "service.city")])
            let badKey = try await live.client.post("v2/requests.xml", form: Self.form(apiKey: "pgn_wrong"))
            let unknownService = try await live.client.post(
                "v2/requests.json", form: Self.form(apiKey: key, service: "no.such"))
            let missing = try await live.client.post(
                "v2/requests.json", form: [("api_key", key), ("lat", "91"), ("description", "x")])
            let badAttribute = try await live.client.post(
                "v2/requests.json",
                form: Self.form(apiKey: key).filter { $0.0 != "attribute[problem_type]" } + [
                    ("attribute[problem_type]", "fireworks")
                ])
            let unknownRequest = try await live.client.get("v2/requests/PA-2026-999999.json")
            let unknownJurisdiction = try await live.client.get("v2/services.json?jurisdiction_id=000000")
            let token = try await live.client.get("v2/tokens/abc.xml")
            let badDates = try await live.client.get("v2/requests.json?start_date=yesterday")
            // verify
            #expect(noKey.status == 403)
            #expect(try noKey.array().first?["code"] as? Int == 403)
            #expect(badKey.status == 403)
            let errors = try XMLTree.parse(badKey.body)
            #expect(errors.name == "errors" && errors.child("error")?.child("code")?.text == "403")
            #expect(unknownService.status == 404)
            #expect(missing.status == 400)
            let descriptions = try missing.array().compactMap { $0["description"] as? String }
            #expect(descriptions.contains { $0.hasPrefix("service_code:") })
            #expect(descriptions.contains { $0.hasPrefix("lat:") })
            #expect(badAttribute.status == 400)
            #expect(badAttribute.text.contains("attribute[problem_type]"))
            #expect(unknownRequest.status == 404)
            #expect(unknownJurisdiction.status == 404)
            #expect(token.status == 404)
            #expect(badDates.status == 400)
            // a failed request writes nothing
            let count = try await live.env.provider.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM open311_requests").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func disputesAndNonPublicCasesNeverAppearInThePublicList(engine: TestEngine) async throws {
        try await Self.live(engine: engine) { live in
            // setup: a public dispute and a public hazard entered by the centre; a labour request through Open311
            let key = try await live.issueKey()
            let centre = try await live.login("operator.zhou")
            let dispute = try await live.json(
                .post, "/api/v1/cases", token: centre,
                body: #"""
                    {"kind": "dispute", "category_code": "conflict.neighbour", "region_code": "990102002001001",
                     "source": "walk_in", "title": "邻里漏水纠纷", "description": "楼上漏水", "is_public": true}
                    """#)
            let hazard = try await live.json(
                .post, "/api/v1/cases", token: centre,
                body: #"""
                    {"kind": "hazard", "category_code": "safety.road", "region_code": "990102002001001",
                     "source": "grid", "title": "路口信号灯损坏", "description": "信号灯不亮", "is_public": true}
                    """#)
            let labour = try await live.client.post(
                "v2/requests.json",
                form: [
                    ("api_key", key), ("service_code", "conflict.labour"), ("address_string", "某工地"),
                    ("description", "工地拖欠工资"),
                ])
            #expect(dispute["_status"] as? Int == 201 && hazard["_status"] as? Int == 201)
            let labourID = try #require(try labour.array().first?["service_request_id"] as? String)
            let disputeNumber = try #require((dispute["case"] as? [String: Any])?["number"] as? String)
            let hazardNumber = try #require((hazard["case"] as? [String: Any])?["number"] as? String)
            // act
            let all = try await live.client.get("v2/requests.json")
            let byID = try await live.client.get("v2/requests.json?service_request_id=\(disputeNumber),\(labourID)")
            let disputeDirect = try await live.client.get("v2/requests/\(disputeNumber).json")
            let labourDirect = try await live.client.get("v2/requests/\(labourID).xml")
            // verify
            #expect(try all.array().compactMap { $0["service_request_id"] as? String } == [hazardNumber])
            #expect(try byID.array().isEmpty)
            #expect(disputeDirect.status == 404)
            #expect(labourDirect.status == 404)
        }
    }

    @Test func postsAreRateLimitedPerKeyAndBodiesAreLimitedInSize() async throws {
        let settings = WebSettings(port: 0, open311MaxBodyBytes: 2_048, open311PostsPerMinutePerKey: 2)
        try await Self.live(settings: settings) { live in
            // setup
            let key = try await live.issueKey()
            // act
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await live.client.post("v2/requests.json", form: Self.form(apiKey: key)).status)
            }
            let limited = try await live.client.post("v2/requests.json", form: Self.form(apiKey: key))
            live.clock.advance(by: 61)
            let later = try await live.client.post("v2/requests.json", form: Self.form(apiKey: key))
            let large = try await live.client.post(
                "v2/requests.json",
                form: Self.form(
                    apiKey: key, extra: [("media_url", "https://x.example/" + String(repeating: "a", count: 3_000))]))
            // verify
            #expect(statuses == [200, 200, 400])
            #expect(try limited.array().first?["code"] as? Int == 429)
            #expect(limited.headers["retry-after"] != nil)
            #expect(later.status == 200)
            #expect(large.status == 400)
            #expect(try large.array().first?["code"] as? Int == 413)
        }
    }

    @Test func postsAreRateLimitedPerClientAddressWhateverTheKey() async throws {
        let settings = WebSettings(port: 0, open311PostsPerMinutePerAddress: 1)
        try await Self.live(settings: settings) { live in
            // setup
            let first = try await live.issueKey(name: "one")
            let second = try await live.issueKey(name: "two")
            // act
            let allowed = try await live.client.post("v2/requests.json", form: Self.form(apiKey: first))
            let refused = try await live.client.post("v2/requests.json", form: Self.form(apiKey: second))
            // verify
            #expect(allowed.status == 200)
            #expect(refused.status == 400)
            #expect(try refused.array().first?["code"] as? Int == 429)
        }
    }

    @Test func aRevokedKeyIsRefused() async throws {
        try await Self.live { live in
            // setup
            let key = try await live.issueKey()
            let admin = try await live.login("admin")
            let clients = try await live.json(.get, "/api/v1/open311/clients", token: admin)
            let id = try #require((clients["items"] as? [[String: Any]])?.first?["id"] as? String)
            // act
            let revoked = try await live.json(.delete, "/api/v1/open311/clients/\(id)", token: admin)
            let posted = try await live.client.post("v2/requests.json", form: Self.form(apiKey: key))
            let handler = try await live.login("handler.police")
            let forbidden = try await live.json(
                .post, "/api/v1/open311/clients", token: handler, body: #"{"name": "x", "username": "operator.zhou"}"#)
            // verify
            #expect(revoked["_status"] as? Int == 204)
            #expect(posted.status == 403)
            #expect(forbidden["_status"] as? Int == 403)
            let stored = try await live.env.provider.read { db in
                try await db.raw("SELECT key_hash FROM open311_clients").first()?.decode(
                    column: "key_hash", as: String.self)
            }
            #expect(stored != nil && stored != key && stored?.count == 64)
        }
    }
}

@Suite("Open311 servicerequestupdates")
struct Open311UpdatesTests {
    @Test func aClientReadsTheStatusChangesOfItsOwnRequestsOnly() async throws {
        try await Open311Tests.live { live in
            // setup: a request posted by the hotline, assigned and accepted; another client's request
            let key = try await live.issueKey()
            let other = try await live.issueKey(name: "city app")
            let posted = try await live.client.post("v2/requests.json", form: Open311Tests.form(apiKey: key))
            let id = try #require(try posted.array().first?["service_request_id"] as? String)
            _ = try await live.client.post("v2/requests.json", form: Open311Tests.form(apiKey: other))
            live.clock.advance(by: 600)
            let centre = try await live.login("operator.zhou")
            let assigned = try await live.json(
                .post, "/api/v1/cases/\(id)/actions", token: centre,
                body: #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地街道"}"#)
            #expect(assigned["_status"] as? Int == 200)
            let note = try await live.json(
                .post, "/api/v1/cases/\(id)/actions", token: centre,
                body: #"{"action": "add_note", "version": 2, "note": "内部备注:联系人张某某"}"#)
            #expect(note["_status"] as? Int == 200)
            // act
            let json = try await live.client.get("v2/servicerequestupdates.json?api_key=\(key)")
            let xml = try await live.client.get("v2/servicerequestupdates.xml?api_key=\(key)")
            let noKey = try await live.client.get("v2/servicerequestupdates.json")
            // verify
            #expect(json.status == 200, "\(json.text)")
            let updates = try json.array()
            #expect(updates.map { $0["service_request_id"] as? String } == [id, id])
            #expect(updates.map { $0["external_status_code"] as? String } == ["OPEN", "INTERNAL_REFERRAL"])
            #expect(updates.allSatisfy { $0["status"] as? String == "open" && $0["update_id"] is String })
            #expect(!json.text.contains("张某某"))
            let root = try XMLTree.parse(xml.body)
            #expect(root.name == "service_request_updates" && root.children.count == 2)
            #expect(root.children.first?.name == "request_update")
            #expect(noKey.status == 403)
        }
    }
}

extension Open311UpdatesTests {
    @Test func aClientReportsBackOnItsOwnRequestAsATimelineNote() async throws {
        try await Open311Tests.live { live in
            // setup
            let key = try await live.issueKey()
            let other = try await live.issueKey(name: "city app")
            let posted = try await live.client.post("v2/requests.json", form: Open311Tests.form(apiKey: key))
            let id = try #require(try posted.array().first?["service_request_id"] as? String)
            // act
            let reported = try await live.client.post(
                "v2/servicerequestupdates.xml",
                form: [
                    ("api_key", key), ("service_request_id", id), ("description", "回访:市民称摊贩已撤离"),
                    ("status", "closed"), ("update_id", "HX-778"),
                ])
            let foreign = try await live.client.post(
                "v2/servicerequestupdates.json",
                form: [("api_key", other), ("service_request_id", id), ("description", "x")])
            let empty = try await live.client.post(
                "v2/servicerequestupdates.json", form: [("api_key", key), ("service_request_id", id)])
            // verify
            #expect(reported.status == 200, "\(reported.text)")
            let root = try XMLTree.parse(reported.body)
            let updateID = try #require(root.child("request_update")?.child("update_id")?.text)
            let centre = try await live.login("operator.zhou")
            let events = try await live.json(.get, "/api/v1/cases/\(id)/events", token: centre)
            let last = try #require((events["items"] as? [[String: Any]])?.last)
            #expect(last["id"] as? String == updateID)
            #expect(last["type"] as? String == "note")
            #expect((last["note"] as? String)?.contains("回访:市民称摊贩已撤离") == true)
            #expect((last["note"] as? String)?.contains("HX-778") == true)
            let record = try await live.json(.get, "/api/v1/cases/\(id)", token: centre)
            #expect((record["case"] as? [String: Any])?["status"] as? String == "received")  // status unchanged
            #expect(foreign.status == 404)
            #expect(empty.status == 400)
        }
    }
}
