import type { FastifyError, FastifyInstance } from 'fastify';
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
export function registerErrorHandling(app: FastifyInstance) {
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
    const frames = error.stack?.split('\n').slice(1).join('\n');
    request.log.error({ err: { type: error.name, code: error.code, frames } }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal.error', message: 'Something went wrong on our side.', details: { requestId: request.id } } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'route.not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.`, details: {} } }),
  );
}
