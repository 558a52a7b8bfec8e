import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../app/errors.ts';

/** Fastify's own client errors, mapped to our dotted codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', message: 'The body is empty but JSON was declared.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', message: 'The body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', message: 'Send JSON (application/json).' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.malformed', message: 'Content-Length does not match the body.' },
};

/** One error handler: `{ error: { code, message, details } }`; unknown errors log with the request id only. */
export function registerErrorHandling(app: FastifyInstance, options: { serveAppShell: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'Invalid value.',
      }));
      return reply.status(400).send({ error: { code: 'validation.failed', message: 'Some fields are not valid.', details: { issues } } });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known && error.statusCode) return reply.status(error.statusCode).send({ error: { ...known, details: {} } });
    if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'request.invalid', message: 'The request is not valid.', details: {} } });
    }
    // Never echo the error: it may hold patient data. The request id ties the log line to the report.
    // The message is left out too: a database error can quote the offending value (a name, a birth date).
    request.log.error({ err: describeForLog(error) }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal.error', message: 'Something went wrong on our side.', details: { requestId: request.id } } });
  });
  // Client-side routes (/patients/123) get the app shell from here, not from a wildcard route: a wildcard would
  // catch every path Fastify's router refuses (an over-long parameter) and hide its error.
  // A missing API route or asset stays a 404 (a stale tab after an upgrade must not go blank).
  // The URL is never echoed: a path or query can carry a name or an MRN.
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (options.serveAppShell && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'route.not_found', message: 'No such route.', details: { method: request.method } } });
  });
}

/** Fastify's errors raised before routing (bad URL encoding, an over-long parameter), in our envelope, URL not echoed. */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[error.code];
  const { status, code, message } = known ?? { status: 500, code: 'internal.error', message: 'Something went wrong on our side.' };
  return reply.status(status).send({ error: { code, message, details: {} } });
}

const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url', message: 'The address is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.uri_too_long', message: 'A part of the address is too long.' },
};

const SQLSTATE = /^[0-9A-Z]{5}$/;
const STACK_FRAME = /^\s+at /;

/**
 * What an unhandled error may put in the log, by allow-list: its class name, a code that is a bare identifier
 * (an SQLSTATE, a Node or Fastify code), the stack frames (lines starting with "at "), and the same for each
 * cause. Never the message: a database error quotes the failed query's parameters (drizzle's "params:" line),
 * which hold whole records, contact details and emails.
 */
export function describeForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { type: typeof error };
  const { name, code, stack, cause } = error as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const described: Record<string, unknown> = { type: typeof name === 'string' && /^\w{1,60}$/.test(name) ? name : 'Error' };
  if (typeof code === 'string' && (SQLSTATE.test(code) || /^[A-Z][A-Z0-9_]{2,60}$/.test(code))) described.code = code;
  if (typeof stack === 'string')
    described.frames = stack
      .split('\n')
      .filter((line) => STACK_FRAME.test(line))
      .slice(0, 20)
      .join('\n');
  if (cause && depth < 3) described.cause = describeForLog(cause, depth + 1);
  return described;
}
