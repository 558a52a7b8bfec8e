import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino from 'pino';
import { z } from 'zod';
import type { Deps } from '../app/deps.ts';
import { LOG_REDACT_PATHS } from '../logger.ts';
import { WEB_DIST_DIR } from '../paths.ts';
import { registerOriginCheck } from './csrf.ts';
import { answerFrameworkError, registerErrorHandling } from './errors.ts';
import { registerInputGuards } from './input-guards.ts';
import { OneLinePerRequest } from './request-log.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { consentRoutes } from './routes/consent.routes.ts';
import { evaluationsRoutes } from './routes/evaluations.routes.ts';
import { ledgerRoutes } from './routes/ledger.routes.ts';
import { ledgerCountsRoutes } from './routes/ledger-counts.routes.ts';
import { ledgerReportsRoutes } from './routes/ledger-reports.routes.ts';
import { patientsRoutes } from './routes/patients.routes.ts';
import { pharmacologyRoutes } from './routes/pharmacology.routes.ts';
import { portalRoutes } from './routes/portal.routes.ts';
import { selfCheckRoutes } from './routes/self-check.routes.ts';

export interface HttpConfig {
  /** Origin the app is reached at (cookies, CSRF); e.g. https://clinic.example.org */
  baseUrl: string;
  /** PUBLIC_URL: when set, the only host and origin trusted; otherwise the listening address is. */
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** Built web app to serve at /; absent in API-only tests. */
  webDistDir?: string | undefined;
  /** Where log lines go; standard output (buffered) by default. Tests pass a stream to read the log. */
  logDestination?: pino.DestinationStream | undefined;
}

export const DEFAULT_WEB_DIST_DIR = WEB_DIST_DIR;

/** The Fastify app: zod-validated routes with response schemas, one error handler, the web app at /. */
export async function buildApp(config: HttpConfig, deps: Deps) {
  // Log lines are buffered (4 KiB) and written asynchronously: a synchronous write per request cost a system call
  // each. The buffer is flushed on close; a crash may lose the last few lines, never a database write.
  const stdout = config.logDestination ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const logDestination = config.logDestination ?? stdout!;
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, stream: logDestination },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => deps.newId(),
    requestIdHeader: false,
    logController: new OneLinePerRequest(),
    frameworkErrors: (error, _request, reply) => answerFrameworkError(error, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onClose', async () => stdout?.flushSync());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const servesWeb = Boolean(config.webDistDir && fs.existsSync(config.webDistDir));
  registerErrorHandling(app, { serveAppShell: servesWeb });
  registerInputGuards(app);
  registerOriginCheck(app, config.publicUrl);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifySwagger, {
    openapi: { info: { title: 'KetaClinic API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  app.get('/api/health', { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authRoutes(deps, config.baseUrl));
  await app.register(patientsRoutes(deps));
  await app.register(portalRoutes(deps, config.baseUrl));
  await app.register(adminRoutes(deps));
  await app.register(pharmacologyRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(selfCheckRoutes(deps));
  await app.register(evaluationsRoutes(deps));
  await app.register(ledgerRoutes(deps));
  await app.register(ledgerCountsRoutes(deps));
  await app.register(ledgerReportsRoutes(deps));

  if (servesWeb) await app.register(fastifyStatic, { root: config.webDistDir as string, wildcard: false });
  return app;
}
