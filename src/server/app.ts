import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import type { SessionPolicy } from './auth/auth.service.ts';
import { DEFAULT_SESSION_POLICY } from './auth/auth.service.ts';
import { AttemptThrottle } from './auth/throttle.ts';
import { registerCaseRecordRoutes } from './case-record/case-record.routes.ts';
import { CaseCountCache } from './cases/case-count-cache.ts';
import { registerCaseRoutes } from './cases/cases.routes.ts';
import { registerCaseworkRoutes } from './casework/casework.routes.ts';
import { registerConsentRoutes } from './consent/consent.routes.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { Database } from './db/database.ts';
import { registerDirectoryRoutes } from './directory/directory.routes.ts';
import { registerContributionRoutes } from './hub/contributions.routes.ts';
import type { InsightsOptions } from './insights/insights.routes.ts';
import { registerInsightsDashboardRoutes } from './insights/insights.routes.ts';
import { registerAnalyticsRoutes } from './insights/analytics.routes.ts';
import { registerInstanceRoutes } from './instances/instances.routes.ts';
import { registerExchangeRoutes } from './exchange/exchange.routes.ts';
import type { HubOptions } from './hub/hub-context.ts';
import { registerHubRoutes } from './hub/hub.routes.ts';
import { registerNotifyRoutes } from './notify/notify.routes.ts';
import type { NotifyOptions } from './notify/notify.service.ts';
import { installErrorHandling, sendNotFound } from './http/error-handler.ts';
import { installJsonBodyParser } from './http/json-body.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import type { ZodApp } from './http/zod-app.ts';
import { registerReferralMetricsRoutes } from './referrals/metrics.routes.ts';
import { registerReferralRoutes } from './referrals/referrals.routes.ts';
import { registerDuplicateRoutes } from './reunite/duplicates.routes.ts';
import { registerPprlRoutes } from './reunite/pprl.routes.ts';
import { registerScreeningRoutes } from './screenings/screenings.routes.ts';
import { registerTracingRoutes } from './reunite/tracing.routes.ts';
import type { Clock } from './shared/clock.ts';
import { systemClock } from './shared/clock.ts';
import { registerUserRoutes } from './users/users.routes.ts';

export interface AppOptions {
  db: Database;
  keyring: Keyring;
  clock?: Clock;
  logger?: FastifyBaseLogger;
  /** Directory of the built web app (vite build); not served when absent. */
  webDir?: string;
  bodyLimit?: number;
  secureCookies?: boolean;
  trustProxy?: boolean;
  sessionPolicy?: SessionPolicy;
  /** How long a case-list total may be reused (ms); 0 counts on every request. Default 5 s. */
  caseCountTtlMs?: number;
  /** Sign-in attempts per source address per window. */
  loginAttempts?: { limit: number; windowMs: number };
  /** Notifications: webhook URLs on private addresses (LANTERN_WEBHOOK_ALLOW_PRIVATE). */
  notify?: NotifyOptions;
  /** The data hub: the privacy budget of each source (LANTERN_HUB_EPSILON, LANTERN_HUB_DELTA). */
  hub?: HubOptions;
  /** Understand: the small-cell threshold (LANTERN_INSIGHTS_MIN_CELL). */
  insights?: InsightsOptions;
}

export const API_PREFIX = '/api/v1';

/** Builds the HTTP application: the JSON API under /api/v1, its OpenAPI document, the web app. */
export async function buildApp(o: AppOptions): Promise<ZodApp> {
  const app = Fastify({
    ...(o.logger ? { loggerInstance: o.logger } : { logger: false }),
    bodyLimit: o.bodyLimit ?? 1_048_576,
    trustProxy: o.trustProxy ?? false,
    // Requests are logged by the onResponse hook below: method, route pattern, status, time.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);
  const serveWeb = o.webDir !== undefined && existsSync(o.webDir);
  installErrorHandling(
    app,
    serveWeb
      ? {
          // Client-side routes (/cases/…, /login) get the app's page; the API and missing
          // build assets keep a 404 (an HTML page in place of a script would fail silently).
          notFound: (req, reply) =>
            req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')
              ? reply.sendFile('index.html')
              : sendNotFound(req, reply),
        }
      : {},
  );
  installSecurityHeaders(app);
  if (o.logger) {
    app.addHook('onResponse', async (req, reply) => {
      req.log.info(
        {
          method: req.method,
          route: req.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    });
  }
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lantern API',
        version: '1.0.0',
        description:
          'Counter-trafficking case management. Sign in with POST /auth/login; send the returned csrfToken as the x-csrf-token header on every state-changing request. Errors: { "error": { "code", "message", "details" } }.',
      },
      servers: [{ url: API_PREFIX }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const deps = {
    db: o.db,
    keyring: o.keyring,
    clock: o.clock ?? systemClock,
    policy: o.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    throttle: new AttemptThrottle(
      o.loginAttempts?.limit ?? 30,
      o.loginAttempts?.windowMs ?? 300_000,
    ),
    secureCookies: o.secureCookies ?? false,
    ...(o.caseCountTtlMs === 0
      ? {}
      : { caseCounts: new CaseCountCache(o.caseCountTtlMs ?? 5_000) }),
  };
  await app.register(
    (api: ZodApp, _opts, done) => {
      registerAuthRoutes(api, deps);
      registerCaseRoutes(api, deps);
      registerExchangeRoutes(api, deps);
      registerCaseRecordRoutes(api, deps);
      registerCaseworkRoutes(api, deps);
      registerConsentRoutes(api, deps);
      registerScreeningRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerNotifyRoutes(api, deps, o.notify);
      registerDirectoryRoutes(api, deps);
      registerReferralRoutes(api, deps);
      registerReferralMetricsRoutes(api, deps);
      registerInstanceRoutes(api, deps);
      registerTracingRoutes(api, deps);
      registerDuplicateRoutes(api, deps);
      registerPprlRoutes(api, deps);
      registerHubRoutes(api, deps, o.hub);
      registerContributionRoutes(api, deps);
      registerInsightsDashboardRoutes(api, deps, o.insights);
      registerAnalyticsRoutes(api, deps, o.insights);
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      done();
    },
    { prefix: API_PREFIX },
  );
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  if (serveWeb) await app.register(fastifyStatic, { root: o.webDir!, wildcard: true });
  return app;
}
