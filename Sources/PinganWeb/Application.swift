import Foundation
import Hummingbird
import Logging
import PinganServices
import PinganStore
import Prometheus

/// What the HTTP layer needs beyond the services: where to listen and the limits it enforces.
public struct WebSettings: Sendable {
    /// Address to listen on.
    public var host: String
    /// Port to listen on (0 picks a free one).
    public var port: Int
    /// Whether cookies carry `Secure`.
    public var secureCookies: Bool
    /// Largest request body, in bytes.
    public var maxBodyBytes: Int
    /// Largest Open311 POST body, in bytes.
    public var open311MaxBodyBytes: Int
    /// Open311 POSTs per minute per API key.
    public var open311PostsPerMinutePerKey: Int
    /// Open311 POSTs per minute per client address.
    public var open311PostsPerMinutePerAddress: Int

    /// Creates the settings.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, maxBodyBytes: Int = 1_048_576,
        open311MaxBodyBytes: Int = 65_536, open311PostsPerMinutePerKey: Int = 120,
        open311PostsPerMinutePerAddress: Int = 30
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.open311MaxBodyBytes = open311MaxBodyBytes
        self.open311PostsPerMinutePerKey = open311PostsPerMinutePerKey
        self.open311PostsPerMinutePerAddress = open311PostsPerMinutePerAddress
    }
}

/// Builds the router with every route and middleware: the one function both `pingan serve` and the tests use.
public func buildRouter(env: ServiceEnvironment, settings: WebSettings) -> Router<PinganRequestContext> {
    let registry = PrometheusCollectorRegistry()
    let auth = AuthService(env)
    let router = Router(context: PinganRequestContext.self)
    router.add(middleware: ObservabilityMiddleware(registry: registry))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: AuthMiddleware(auth: auth, keys: env.keys, maxBodyBytes: settings.maxBodyBytes))
    SystemController(provider: env.provider, registry: registry).addRoutes(to: router)
    let api = router.group("api/v1")
    OpenAPIController().addRoutes(to: api)
    AuthController(auth: auth, keys: env.keys, secureCookies: settings.secureCookies).addRoutes(to: api)
    OrganisationController(organisation: OrganisationService(env)).addRoutes(to: api)
    AuditController(audit: AuditService(env)).addRoutes(to: api)
    let routing = RoutingController(routing: RoutingService(env))
    routing.addRoutes(to: api)
    let cases = CasesController(cases: CaseService(env), organisation: OrganisationService(env), routing: routing)
    cases.addRoutes(to: api)
    NotificationsController(notifications: NotificationService(env), webhooks: WebhookService(env)).addRoutes(to: api)
    MetricsController(metrics: LedgerMetricsService(env)).addRoutes(to: api)
    ReconciliationController(reconciliation: ReconciliationService(env)).addRoutes(to: api)
    PoliciesController(policies: PolicyService(env)).addRoutes(to: api)
    AssessmentsController(lists: ListService(env), assessment: AssessmentService(env)).addRoutes(to: api)
    let open311 = Open311Service(env, cases: CaseService(env))
    FeedbackController(open311: open311, feedback: FeedbackService(env)).addRoutes(to: api)
    HotlineImportController(imports: HotlineImportService(env, cases: CaseService(env))).addRoutes(to: api)
    Open311Controller(
        open311: open311,
        limits: .init(
            maxBodyBytes: settings.open311MaxBodyBytes, postsPerMinutePerKey: settings.open311PostsPerMinutePerKey,
            postsPerMinutePerAddress: settings.open311PostsPerMinutePerAddress),
        clock: env.clock
    ).addRoutes(to: router)
    workbench(env: env, settings: settings, auth: auth, cases: cases).addRoutes(to: router)
    return router
}

/// Builds the application `pingan serve` runs.
public func buildApplication(env: ServiceEnvironment, settings: WebSettings) -> some ApplicationProtocol {
    Application(
        router: buildRouter(env: env, settings: settings),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Pingan"),
        services: [BackgroundWorker(env: env)],
        logger: env.logger)
}

/// The web workbench's pages (issue 6), over the same services as the API.
func workbench(
    env: ServiceEnvironment, settings: WebSettings, auth: AuthService, cases: CasesController
) -> WorkbenchController {
    WorkbenchController(
        auth: auth, cases: CaseService(env), organisation: OrganisationService(env),
        notifications: NotificationService(env), metrics: LedgerMetricsService(env), routing: RoutingService(env),
        audit: AuditService(env), filters: SavedFilterService(env), policies: PolicyService(env), casesAPI: cases,
        keys: env.keys,
        secureCookies: settings.secureCookies,
        clock: env.clock)
}

/// The routes of the workbench's pages (`METHOD /path`): they are HTML for people, not API operations, so the OpenAPI
/// document leaves them out and `OpenAPITests` excludes exactly these.
public func workbenchRoutes(env: ServiceEnvironment) -> Set<String> {
    let router = Router(context: PinganRequestContext.self)
    let auth = AuthService(env)
    let routing = RoutingController(routing: RoutingService(env))
    let cases = CasesController(cases: CaseService(env), organisation: OrganisationService(env), routing: routing)
    workbench(env: env, settings: WebSettings(), auth: auth, cases: cases).addRoutes(to: router)
    return Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
}
