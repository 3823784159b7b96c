import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { type Deps, memberCampaignMailer, noteSharedAccess } from "@kith/core";
import {
  type Auth,
  type Config,
  createAuth,
  emailChangeSender,
  invitationLinks,
  openArticleFetcher,
  openCalendarSync,
  openMailboxSync,
  openSending,
  signUpNoticeSender,
  verificationSender,
} from "@kith/runtime";
import { KyselyLoginThrottleRepository, type OpenDatabase } from "@kith/store";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAccountRoutes } from "./accounts/account-routes.ts";
import { registerInvitationRoutes } from "./accounts/invitation-routes.ts";
import { registerAnalyticsRoutes } from "./analytics/analytics-routes.ts";
import { registerArticleRoutes } from "./articles/article-routes.ts";
import { registerAskRoutes } from "./asks/ask-routes.ts";
import { registerAuthRoutes } from "./auth/auth-routes.ts";
import { authenticate } from "./auth/authenticate.ts";
import { registerEmailChangeRoutes } from "./auth/email-change.ts";
import { registerEmailVerificationRoutes } from "./auth/email-verification-routes.ts";
import { KnownDevices } from "./auth/known-device.ts";
import { LoginThrottle } from "./auth/login-throttle.ts";
import { registerSsoLinkRoutes } from "./auth/sso-link-routes.ts";
import { registerCalendarSyncRoutes } from "./calendar-sync/calendar-sync-routes.ts";
import { registerCampaignRoutes } from "./campaigns/campaign-routes.ts";
import { registerCompanyRoutes } from "./companies/company-routes.ts";
import { registerContactPhotoRoutes } from "./contacts/contact-photo-routes.ts";
import { registerContactRoutes } from "./contacts/contact-routes.ts";
import { registerDeliveryRoutes } from "./delivery/register-delivery.ts";
import { registerMergeRoutes } from "./duplicates/merge-routes.ts";
import { registerBackupRoutes } from "./exports/backup-routes.ts";
import { registerExportRoutes } from "./exports/export-routes.ts";
import { registerFollowUpRoutes } from "./follow-ups/follow-up-routes.ts";
import { normalPathGuard, sameOriginGuard } from "./http/guards.ts";
import { nulGuard } from "./http/nul-guard.ts";
import { errorHandler, frameworkErrorHandler, sendProblem } from "./http/problem.ts";
import { SWAGGER_UI_CSP, securityHeaders } from "./http/security-headers.ts";
import { registerImportRoutes } from "./imports/import-routes.ts";
import { registerInsightsRoutes } from "./insights/insights-routes.ts";
import { registerInteractionRoutes } from "./interactions/interaction-routes.ts";
import type { JobRunner } from "./jobs/job-runner.ts";
import { openServerJobs } from "./jobs/server-jobs.ts";
import { registerMailboxRoutes } from "./mailbox/mailbox-routes.ts";
import { registerMcpRoutes } from "./mcp/mcp-routes.ts";
import { registerDraftRoutes } from "./messages/draft-routes.ts";
import { registerSendRoutes } from "./messages/send-routes.ts";
import { registerTemplateRoutes } from "./messages/template-routes.ts";
import { registerNetworkRoutes } from "./network/network-routes.ts";
import { registerOpportunityCommentRoutes } from "./opportunities/comment-routes.ts";
import { registerJobSearchRoutes } from "./opportunities/job-search-routes.ts";
import { registerOpportunityRoutes } from "./opportunities/opportunity-routes.ts";
import { registerProgressRoutes } from "./progress/progress-routes.ts";
import { registerSettingsRoutes } from "./settings/settings-routes.ts";
import { registerShareRoutes } from "./shares/share-routes.ts";
import { registerTodayRoutes } from "./today/today-routes.ts";
import { registerWebApp } from "./web/register-web-app.ts";

export interface AppContext {
  config: Config;
  open: OpenDatabase;
  deps: Deps;
  /** Only these background jobs (`jobs/server-jobs.ts`); all by default. */
  jobs?: readonly string[] | undefined;
  /**
   * Imports and restores in a worker thread on the configured database (`jobs/threaded-jobs.ts`). `startServer`
   * sets it unless told otherwise (`npm start`, `kith serve`); tests that build the app on a database of their own
   * leave it unset, and their jobs run on the loop.
   */
  jobsThread?: boolean | undefined;
}

export interface BuiltApp {
  app: FastifyInstance;
  auth: Auth;
  routes: RouteSummary[];
  /**
   * This process's background jobs, not started: `startServer` starts them where they run; tests start them
   * themselves. Closing the app stops them.
   */
  jobs: JobRunner;
}

/** Routes under /api that need no signed-in member. */
/** Public routes outside /api whose signed token is the only authority. */
/** Routes that read no cookie: signed one-click links (`/act`) and MCP (`/mcp`, an API token or a 401). */
const TOKEN_ROUTES = /^\/(act|mcp)(\?|$)/;

const PUBLIC_API = [/^\/api\/auth\/(?!me$)/, /^\/api\/docs/, /^\/api\/openapi\.json$/];

export interface RouteSummary {
  method: string;
  url: string;
}

export async function buildApp(ctx: AppContext): Promise<BuiltApp> {
  const trust = ctx.config.trustProxy;
  const app = Fastify({
    logger: ctx.config.logLevel === "silent" ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    // KITH_TRUST_PROXY: behind a load balancer, the client's address (throttle, sessions) comes from the proxies
    // trusted here; by default from the socket. A hop count is given as the function Fastify makes of one (its
    // types take no number here).
    trustProxy: typeof trust === "number" ? (_address: string, hop: number) => hop < trust : trust,
    frameworkErrors: frameworkErrorHandler,
  });
  const jobs = openServerJobs(ctx.config, ctx.deps, app.log, {
    only: ctx.jobs,
    database: ctx.open,
    thread: ctx.jobsThread,
  });
  app.addHook("onClose", async () => jobs.stop());
  // Kept so tests can prove every route is scoped to its account, including routes added later.
  const routes: RouteSummary[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `no route ${request.method} ${request.url}`));
  // JSON only: form posts and text bodies are refused with 415 before any handler runs.
  app.removeContentTypeParser("text/plain");
  // Added before any route or plugin, so every route inherits them, those of encapsulated plugins included.
  await app.register(helmet, securityHeaders(ctx.config.publicUrl));
  app.addHook("preValidation", nulGuard);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Kith API", version: "0.1.0", description: "Whom to follow up with today, why, and what to say." },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token from /api/tokens" },
          cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: SWAGGER_UI_CSP });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const sendVerification = verificationSender(ctx.config);
  const auth = createAuth(ctx.config, ctx.open, ctx.deps, sendVerification);
  const originGuard = sameOriginGuard(ctx.config.allowedOrigins);
  app.addHook("onRequest", normalPathGuard);
  // Signed one-click links act on their token alone (no cookie is read), so a forged request has nothing to
  // borrow; mail clients' one-click unsubscribe POSTs carry no Origin.
  app.addHook("onRequest", async (request, reply) =>
    TOKEN_ROUTES.test(request.url) ? undefined : originGuard(request, reply),
  );
  app.addHook("preHandler", async (request) => {
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") || PUBLIC_API.some((re) => re.test(path))) return;
    request.actor = await authenticate(ctx.deps, auth, request);
    // Coach and partner access is logged: a row per shared member and day (owners and editors are not logged).
    await noteSharedAccess(ctx.deps, request.actor);
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true }));
  registerAuthRoutes(
    app,
    ctx.deps,
    auth,
    new LoginThrottle(new KyselyLoginThrottleRepository(ctx.open.db)),
    new KnownDevices(ctx.config.authSecret, ctx.config.publicUrl.startsWith("https://")),
    {
      signUpNotice: signUpNoticeSender(ctx.config),
      allowSignup: ctx.config.allowSignup,
      confirmByMail: sendVerification !== null,
      oidc: ctx.config.oidc,
    },
  );
  registerEmailVerificationRoutes(app, ctx.deps, ctx.config, sendVerification);
  registerEmailChangeRoutes(app, ctx.deps, auth, ctx.config, emailChangeSender(ctx.config));
  registerSsoLinkRoutes(app, auth, ctx.config.oidc);
  registerAccountRoutes(app, ctx.deps);
  registerInvitationRoutes(app, ctx.deps, invitationLinks(ctx.config));
  registerShareRoutes(app, ctx.deps, invitationLinks(ctx.config));
  registerContactRoutes(app, ctx.deps);
  registerContactPhotoRoutes(app, ctx.deps);
  registerCompanyRoutes(app, ctx.deps);
  registerNetworkRoutes(app, ctx.deps);
  registerAskRoutes(app, ctx.deps);
  registerOpportunityRoutes(app, ctx.deps);
  registerJobSearchRoutes(app, ctx.deps);
  registerOpportunityCommentRoutes(app, ctx.deps);
  registerInteractionRoutes(app, ctx.deps);
  registerFollowUpRoutes(app, ctx.deps);
  registerImportRoutes(app, ctx.deps, { maxBytes: ctx.config.imports.maxBytes, onQueued: () => jobs.kick("imports") });
  registerExportRoutes(app, ctx.deps);
  registerBackupRoutes(app, ctx.deps, {
    maxBytes: ctx.config.backups.maxRestoreBytes,
    onQueued: () => jobs.kick("restores"),
  });
  registerMergeRoutes(app, ctx.deps);
  registerTodayRoutes(app, ctx.deps);
  registerSettingsRoutes(app, ctx.deps);
  await registerDeliveryRoutes(app, ctx.config, ctx.deps);
  registerInsightsRoutes(app, ctx.deps);
  registerAnalyticsRoutes(app, ctx.deps);
  registerProgressRoutes(app, ctx.deps);
  const articleFetcher = openArticleFetcher(ctx.config);
  registerArticleRoutes(app, { ...ctx.deps, articleFetcher }, { onSaved: () => jobs.kick("articles") });
  registerMcpRoutes(app, ctx.deps, auth, { articleFetcher, onArticleSaved: () => jobs.kick("articles") });
  registerCalendarSyncRoutes(app, openCalendarSync(ctx.config, ctx.deps), {
    onSyncAsked: () => jobs.kick("calendars"),
  });
  registerTemplateRoutes(app, ctx.deps);
  registerDraftRoutes(app, ctx.deps);
  registerSendRoutes(app, openSending(ctx.config, ctx.deps));
  registerMailboxRoutes(app, openMailboxSync(ctx.config, ctx.deps), { onSyncAsked: () => jobs.kick("mailboxes") });
  registerCampaignRoutes(app, ctx.deps, memberCampaignMailer(openSending(ctx.config, ctx.deps)), {
    onSend: () => jobs.kick("campaigns"),
  });
  await registerWebApp(app);
  return { app, auth, routes, jobs };
}
