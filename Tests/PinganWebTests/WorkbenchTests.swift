import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@testable import PinganWeb

/// A browser's session with the workbench: the session cookie and the CSRF token its forms carry.
struct BrowserSession {
    let harness: WebHarness
    var cookies: [String: String]

    /// Signs in through the login form, as a browser does.
    static func signIn(
        _ harness: WebHarness, _ username: String, password: String = TestEnvironment.password
    ) async throws -> (BrowserSession, TestResponse) {
        let page = try await harness.send(.get, "/login")
        let login = try #require(Self.cookie("pingan_login", in: page))
        var session = BrowserSession(harness: harness, cookies: ["pingan_login": login])
        let response = try await session.post("/login", ["_csrf": login, "username": username, "password": password])
        if let value = Self.cookie("pingan_session", in: response) { session.cookies["pingan_session"] = value }
        return (session, response)
    }

    static func cookie(_ name: String, in response: TestResponse) -> String? {
        for field in response.headers[values: .setCookie] where field.hasPrefix(name + "=") {
            return String(field.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    var cookieHeader: HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        return headers
    }

    func get(_ path: String) async throws -> TestResponse {
        try await harness.client.execute(uri: path, method: .get, headers: cookieHeader, body: nil)
    }

    func post(_ path: String, _ fields: [String: String]) async throws -> TestResponse {
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await harness.client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The CSRF token the pages put in their forms.
    func csrf() async throws -> String {
        let page = try await get("/inbox").text
        let range = try #require(page.range(of: #"name="_csrf" value=""#))
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite("Web workbench")
struct WorkbenchTests {
    @Test func everyTextAndLabelExistsInBothLanguages() {
        for key in UIText.allCases {
            #expect(!(UIText.zhHans[key] ?? "").isEmpty, "\(key) has no Chinese text")
            #expect(!(UIText.english[key] ?? "").isEmpty, "\(key) has no English text")
        }
        #expect(UIText.zhHans.count == UIText.allCases.count && UIText.english.count == UIText.allCases.count)
        for key in PageLocale.labelKeys {
            #expect(UIText.zhHansLabels[key] != nil, "label \(key) has no Chinese text")
            #expect(UIText.englishLabels[key] != nil, "label \(key) has no English text")
        }
        #expect(Set(UIText.zhHansLabels.keys) == Set(UIText.englishLabels.keys))
        #expect(Set(UIText.zhHansLabels.keys) == Set(PageLocale.labelKeys))
    }

    @Test func interpolatedTextIsEscaped() {
        let title = #"<script>alert("x")</script> & 'quotes'"#
        let fragment: HTML = "<td title=\"\(title)\">\(title)</td>"
        #expect(!fragment.description.contains("<script>"))
        #expect(
            fragment.description.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
    }

    @Test func signingInWithTheFormOpensMyWorkAndWrongPasswordsAreToldApart() async throws {
        try await WebHarness.run { harness in
            // act
            let (session, response) = try await BrowserSession.signIn(harness, "handler.guanyuan")
            // verify
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/work")
            let work = try await session.get("/work")
            #expect(work.status == .ok)
            #expect(work.text.contains("我的待办") && work.text.contains("待签收"))

            let (_, wrong) = try await BrowserSession.signIn(harness, "handler.guanyuan", password: "wrong password")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("用户名或密码错误"))
        }
    }

    @Test func theLoginFormWithoutItsTokenIsRefusedAndSignsNobodyIn() async throws {
        try await WebHarness.run { harness in
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let response = try await harness.client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(string: "username=admin&password=\(TestEnvironment.password)"))
            #expect(response.status == .forbidden)
            #expect(BrowserSession.cookie("pingan_session", in: response) == nil)
        }
    }

    @Test func aLockedAccountIsToldUntilWhenAndAThrottledOneHowLongToWait() async throws {
        try await WebHarness.run { harness in
            var statuses: [Int] = []
            var last = ""
            for _ in 1...10 {
                let (_, response) = try await BrowserSession.signIn(harness, "handler.police", password: "wrong")
                statuses.append(Int(response.status.code))
                last = response.text
                if response.status.code == 429 { #expect(response.text.contains("秒后再试")) }
            }
            #expect(statuses == [401, 401, 401, 429, 429, 429, 429, 429, 429, 423])
            #expect(last.contains("账户已锁定"))
        }
    }

    @Test func anExpiredSessionGoesBackToTheLoginPageSayingSo() async throws {
        try await WebHarness.run { harness in
            let (session, _) = try await BrowserSession.signIn(harness, "operator.zhou")
            harness.clock.advance(by: 43_200 + 1)
            let response = try await session.get("/ledger")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/login?next=") && location.hasSuffix("&expired=1"))
            #expect(try await harness.send(.get, location).text.contains("会话已过期"))
        }
    }

    @Test func everyPageRendersInBothLanguages() async throws {
        try await WebHarness.run { harness in
            let token = try await harness.login("operator.zhou")
            let created = try await CasesAPITests().create(harness, token: token)
            let number = try #require(created["number"] as? String)
            var (session, _) = try await BrowserSession.signIn(harness, "operator.zhou")
            for (locale, marker) in [("zh-Hans", "我的待办"), ("en", "My work")] {
                session.cookies["pingan_lang"] = locale
                for path in ["/work", "/ledger", "/intake", "/dashboard", "/inbox", "/cases/\(number)"] {
                    let page = try await session.get(path)
                    #expect(page.status == .ok, "\(locale) \(path)")
                    #expect(page.text.contains("<html lang=\"\(locale)\">"), "\(locale) \(path)")
                    #expect(page.text.contains(marker), "\(locale) \(path)")
                }
            }
        }
    }

    @Test func anActionFormWithoutTheCSRFFieldIsRefusedAndChangesNothing() async throws {
        try await WebHarness.run { harness in
            let token = try await harness.login("operator.zhou")
            let created = try await CasesAPITests().create(harness, token: token)
            let number = try #require(created["number"] as? String)
            let (session, _) = try await BrowserSession.signIn(harness, "operator.zhou")
            let fields = ["action": "add_note", "version": "1", "note": "备注"]
            // act
            let refused = try await session.post("/cases/\(number)/actions", fields)
            let wrong = try await session.post("/cases/\(number)/actions", fields.merging(["_csrf": "forged"]) { $1 })
            // verify
            #expect(refused.status == .forbidden && wrong.status == .forbidden)
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: token).json()
            #expect((record["case"] as? [String: Any])?["version"] as? Int == 1)

            let csrf = try await session.csrf()
            let accepted = try await session.post(
                "/cases/\(number)/actions", fields.merging(["_csrf": csrf]) { $1 })
            #expect(accepted.status == .seeOther)
            let after = try await harness.send(.get, "/api/v1/cases/\(number)", token: token).json()
            #expect((after["case"] as? [String: Any])?["version"] as? Int == 2)
        }
    }

    @Test func theOperatorRegistersACaseThatIsRoutedAndTheHandlerAcceptsAndResolvesIt() async throws {
        try await WebHarness.run { harness in
            let (operatorSession, _) = try await BrowserSession.signIn(harness, "operator.zhou")
            let form = [
                "kind": "dispute", "level": "level3", "category_code": "conflict.neighbour",
                "region_code": "990102002001001", "source": "walk_in", "title": "楼上漏水", "description": "协商未果",
                "party0_role": "applicant", "party0_name": "张三", "assign_now": "true",
            ]
            let csrf = try await operatorSession.csrf()
            let preview = try await operatorSession.post(
                "/intake", form.merging(["_csrf": csrf, "intent": "preview"]) { $1 })
            #expect(preview.status == .ok && preview.text.contains("官园街道办事处"))
            let saved = try await operatorSession.post(
                "/intake", form.merging(["_csrf": csrf, "intent": "save"]) { $1 })
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let number = String(location.dropFirst("/cases/".count).prefix { $0 != "?" })
            #expect(try await operatorSession.get(location).text.contains("待签收"))

            let (handler, _) = try await BrowserSession.signIn(harness, "handler.guanyuan")
            let handlerCSRF = try await handler.csrf()
            let accept = try await handler.post(
                "/cases/\(number)/actions", ["_csrf": handlerCSRF, "action": "accept", "version": "2", "back": "/work"])
            #expect(accept.headers[.location]?.hasPrefix("/work?done=accept") == true)
            let resolve = try await handler.post(
                "/cases/\(number)/actions",
                [
                    "_csrf": handlerCSRF, "action": "resolve", "version": "3", "channel": "people_mediation",
                    "result": "调解成功",
                ])
            #expect(resolve.status == .seeOther)
            #expect(try await handler.get("/cases/\(number)").text.contains("已办结"))

            let stale = try await handler.post(
                "/cases/\(number)/actions",
                ["_csrf": handlerCSRF, "action": "add_progress", "version": "3", "note": "x"])
            #expect(stale.status == .conflict)
        }
    }

    @Test(arguments: TestEngine.available)
    func aHandlerOfOneUnitSeesNeitherAnotherUnitsCasesNorTheirPartiesOnAnyPage(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            // setup: a case of 官园街道 with a party
            let token = try await harness.login("operator.zhou")
            let created = try await CasesAPITests().create(harness, token: token)
            let number = try #require(created["number"] as? String)
            let id = try #require(created["id"] as? String)
            let assign = try await harness.send(
                .post, "/api/v1/cases/\(number)/actions", token: token,
                json: #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地"}"#)
            try #require(assign.status == .ok)
            let (police, _) = try await BrowserSession.signIn(harness, "handler.police")
            // act
            var pages: [String: TestResponse] = [:]
            for path in [
                "/work", "/ledger", "/ledger?unit=qs-st-guanyuan", "/ledger?region=990102002", "/cases/\(number)",
                "/cases/\(number)?parties=show", "/cases/\(id)", "/cases/\(id)?parties=show",
                "/dashboard", "/inbox",
            ] {
                pages[path] = try await police.get(path)
            }
            // verify
            for (path, page) in pages {
                // A case page echoes the number the user typed in its "not found" message, nothing more.
                if !path.hasPrefix("/cases/") {
                    #expect(!page.text.contains(number), "\(path) shows the other unit's case")
                }
                #expect(!page.text.contains("张某某"), "\(path) shows the other unit's party")
                #expect(!page.text.contains("桃李苑工地"), "\(path) shows the other unit's case title")
            }
            #expect(pages["/cases/\(number)"]?.status == .notFound)
            #expect(pages["/dashboard"]?.status == .forbidden)
            let reads = try await AuditService(harness.env).entries(.init(action: "party.read"), by: .system("test"))
            #expect(reads.isEmpty)

            // The handling unit does see them, and the view is audited.
            let (guanyuan, _) = try await BrowserSession.signIn(harness, "handler.guanyuan")
            #expect(try await guanyuan.get("/work").text.contains(number))
            let casePage = try await guanyuan.get("/cases/\(number)")
            #expect(casePage.text.contains(number) && !casePage.text.contains("张某某"))
            #expect(try await guanyuan.get("/cases/\(number)?parties=show").text.contains("张某某"))
            let after = try await AuditService(harness.env).entries(.init(action: "party.read"), by: .system("test"))
            #expect(after.count == 1)
        }
    }

    @Test func theLanguageSwitchIsRememberedAndOnlyGoesBackToThisSite() async throws {
        try await WebHarness.run { harness in
            let switched = try await harness.send(.get, "/locale/en?back=%2Fledger")
            #expect(switched.status == .seeOther && switched.headers[.location] == "/ledger")
            #expect(BrowserSession.cookie("pingan_lang", in: switched) == "en")
            let outside = try await harness.send(.get, "/locale/en?back=%2F%2Fevil.example")
            #expect(outside.headers[.location] == "/")
            var headers = HTTPFields()
            headers[.cookie] = "pingan_lang=en"
            let login = try await harness.send(.get, "/login", headers: headers)
            #expect(login.text.contains("Sign in") && !login.text.contains("用户名"))
        }
    }

    @Test func theDashboardCountsTheCasesInTheLeadersArea() async throws {
        try await WebHarness.run { harness in
            let token = try await harness.login("operator.zhou")
            for _ in 1...2 { _ = try await CasesAPITests().create(harness, token: token) }
            let (leader, _) = try await BrowserSession.signIn(harness, "leader.district")
            let page = try await leader.get("/dashboard")
            #expect(page.status == .ok)
            #expect(page.text.contains("<strong id=\"total-cases\">2</strong>"))
            #expect(page.text.components(separatedBy: "<svg class=\"chart\"").count - 1 >= 5)
        }
    }

    @Test func adminsSeeTheOrganisationAndTheAuditLogAndNobodyElseDoes() async throws {
        try await WebHarness.run { harness in
            var (admin, _) = try await BrowserSession.signIn(harness, "admin")
            for locale in ["zh-Hans", "en"] {
                admin.cookies["pingan_lang"] = locale
                let organisation = try await admin.get("/admin")
                #expect(organisation.status == .ok)
                #expect(organisation.text.contains("qs-st-guanyuan") && organisation.text.contains("conflict.labour"))
                let audit = try await admin.get("/audit?action=auth.login")
                #expect(audit.status == .ok && audit.text.contains("auth.login"))
                #expect(!audit.text.contains("<code>case.create</code>"))
            }
            let (handler, _) = try await BrowserSession.signIn(harness, "handler.police")
            #expect(try await handler.get("/admin").status == .forbidden)
            #expect(try await handler.get("/audit").status == .forbidden)
            #expect(!(try await handler.get("/work").text.contains("href=\"/audit\"")))
        }
    }

    @Test func theOperatorMergesADuplicateFromTheCasePage() async throws {
        try await WebHarness.run { harness in
            let token = try await harness.login("operator.zhou")
            let first = try #require(try await CasesAPITests().create(harness, token: token)["number"] as? String)
            let second = try #require(try await CasesAPITests().create(harness, token: token)["number"] as? String)
            let (operator_, _) = try await BrowserSession.signIn(harness, "operator.zhou")
            let page = try await operator_.get("/cases/\(second)")
            #expect(page.text.contains("action=\"/cases/\(second)/merge\""))
            let csrf = try await operator_.csrf()

            let missing = try await operator_.post(
                "/cases/\(second)/merge",
                ["_csrf": csrf, "version": "1", "into": "PA-2026-999999", "reason": "重复来电"])
            #expect(missing.status == .notFound)
            let merged = try await operator_.post(
                "/cases/\(second)/merge", ["_csrf": csrf, "version": "1", "into": first, "reason": "重复来电"])
            #expect(merged.status == .seeOther || merged.status == .found)
            #expect(merged.headers[.location]?.hasPrefix("/cases/\(first)") == true)
            let admin = Principal(
                userID: UUID(), username: "test", roles: [.admin], unitID: UUID(), regionPath: "990100")
            let record = try await CaseService(harness.env).find(second, by: admin)
            #expect(record.status == .merged)
        }
    }

    @Test func anAdminAddsAndDisablesAUserFromTheAdminPage() async throws {
        try await WebHarness.run { harness in
            let (admin, _) = try await BrowserSession.signIn(harness, "admin")
            let csrf = try await admin.csrf()
            let bad = try await admin.post(
                "/admin/users",
                [
                    "_csrf": csrf, "username": "Bad Name", "display_name": "", "unit_code": "qs-police",
                    "roles": "handler",
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("<code>username</code>"))
            let added = try await admin.post(
                "/admin/users",
                [
                    "_csrf": csrf, "username": "handler.new", "display_name": "新经办人", "unit_code": "qs-police",
                    "roles": "handler",
                ])
            #expect(added.status == .ok)
            let password = try #require(Self.generated(added.text))
            #expect(!password.isEmpty)
            let (newcomer, response) = try await BrowserSession.signIn(harness, "handler.new", password: password)
            #expect(response.status == .seeOther || response.status == .found)
            #expect(try await newcomer.get("/work").status == .ok)

            let disabled = try await admin.post(
                "/admin/users/handler.new/disabled", ["_csrf": csrf, "disabled": "true"])
            #expect(disabled.status == .seeOther || disabled.status == .found)
            let user = try await OrganisationService(harness.env).user(username: "handler.new", for: .system("test"))
            #expect(user.disabled)
            #expect(try await newcomer.get("/work").status != .ok)  // its session was revoked

            let (handler, _) = try await BrowserSession.signIn(harness, "handler.police")
            let refused = try await handler.post(
                "/admin/users/handler.new/disabled", ["_csrf": try await handler.csrf(), "disabled": "false"])
            #expect(refused.status == .forbidden)
        }
    }

    /// The password shown once on the answer to "add a user": the `<code>` after "初始密码".
    static func generated(_ page: String) -> String? {
        guard let label = page.range(of: "初始密码"),
            let code = page.range(of: "<code>", range: label.upperBound..<page.endIndex)
        else { return nil }
        return String(page[code.upperBound...].prefix { $0 != "<" })
    }

    @Test func anAdminEditsThePoliciesWithValidationAndSeesTheLevel2Chain() async throws {
        try await WebHarness.run { harness in
            var (admin, _) = try await BrowserSession.signIn(harness, "admin")
            for locale in ["zh-Hans", "en"] {
                admin.cookies["pingan_lang"] = locale
                let page = try await admin.get("/admin/policies")
                #expect(page.status == .ok)
                #expect(page.text.contains("<html lang=\"\(locale)\">"))
                for kind in ["sla", "escalation", "calendar"] {
                    #expect(page.text.contains("action=\"/admin/policies/\(kind)\""))
                }
            }
            admin.cookies["pingan_lang"] = "zh-Hans"
            let page = try await admin.get("/admin/policies").text
            #expect(page.contains("二级矛盾纠纷将按以下链条升级") && page.contains("政府主要领导"))
            let csrf = try await admin.csrf()

            let bad = #"{"name": "default", "version": 1, "rules": [{"kind": "request", "accept": {"hours": 0}}]}"#
            let refused = try await admin.post("/admin/policies/sla", ["_csrf": csrf, "document": bad])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("rules[0]"))
            #expect(refused.text.contains("&quot;hours&quot;: 0") || refused.text.contains("\"hours\": 0"))
            #expect(try await PolicyService(harness.env).current(.sla).isShipped)

            let shipped = try await PolicyService(harness.env).current(.sla).document
            let saved = try await admin.post(
                "/admin/policies/sla", ["_csrf": csrf, "document": String(decoding: shipped, as: UTF8.self)])
            #expect(saved.status == .seeOther || saved.status == .found)
            #expect(try await PolicyService(harness.env).current(.sla).version == 2)
            #expect(try await admin.post("/admin/policies/sla", ["document": bad]).status == .forbidden)

            let (handler, _) = try await BrowserSession.signIn(harness, "handler.police")
            #expect(try await handler.get("/admin/policies").status == .forbidden)
        }
    }

    @Test func aUserSavesALedgerFilterThatOnlyTheySeeAndCanDelete() async throws {
        try await WebHarness.run { harness in
            let (handler, _) = try await BrowserSession.signIn(harness, "handler.guanyuan")
            let csrf = try await handler.csrf()
            // act
            let saved = try await handler.post(
                "/ledger/filters", ["_csrf": csrf, "name": "超期纠纷", "query": "kind=dispute&overdue=true"])
            let again = try await handler.post(
                "/ledger/filters", ["_csrf": csrf, "name": "超期纠纷", "query": "kind=hazard"])
            // verify
            #expect(saved.status == .seeOther && saved.headers[.location] == "/ledger?kind=dispute&overdue=true")
            #expect(again.status == .unprocessableContent && again.text.contains("duplicate"))
            let ledger = try await handler.get("/ledger")
            #expect(ledger.text.contains("href=\"/ledger?kind=dispute&amp;overdue=true\">超期纠纷</a>"))
            let (other, _) = try await BrowserSession.signIn(harness, "handler.police")
            #expect(!(try await other.get("/ledger").text.contains("超期纠纷")))

            let filters = try await SavedFilterService(harness.env).filters(
                for: try #require(
                    try await harness.env.provider.read { db in
                        try await UserRepository(db).find(username: "handler.guanyuan")
                    }.map { user in
                        Principal(
                            userID: user.id, username: user.username, roles: user.roles, unitID: user.unitID,
                            regionPath: "")
                    }))
            let id = try #require(filters.first?.id)
            let otherCSRF = try await other.csrf()
            #expect(
                try await other.post("/ledger/filters/\(id.uuidString)/delete", ["_csrf": otherCSRF]).status
                    == .notFound)
            let deleted = try await handler.post("/ledger/filters/\(id.uuidString)/delete", ["_csrf": csrf])
            #expect(deleted.status == .seeOther)
            #expect(!(try await handler.get("/ledger").text.contains("超期纠纷")))
            let audit = try await AuditService(harness.env).entries(.init(objectType: "saved_filter"), by: .system("t"))
            #expect(audit.map(\.action) == ["filter.delete", "filter.save"])
        }
    }
}
