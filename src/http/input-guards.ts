import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../app/errors.ts';

/** A NUL anywhere in the URL, raw (`\0`) or escaped (`%00`): PostgreSQL text cannot hold it. */
const NUL_IN_URL = /%00|\0/i;
const NUL_MESSAGE = 'must not contain a NUL character';

/** The path of the first string (or key) in a parsed body that holds a NUL, or undefined. */
export function findNul(value: unknown, path = 'body'): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}.${key}`;
    if (key.includes('\0')) return itemPath;
    const found = findNul(item, itemPath);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses unrepresentable input in one place, before any route, session or database sees it: a NUL in the URL
 * (path or query) or in any string of a JSON body answers 400 validation.failed naming where it was.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (NUL_IN_URL.test(request.raw.url ?? '')) throw validationFailed([{ path: 'url', message: NUL_MESSAGE }]);
  });
  app.addHook('preValidation', async (request) => {
    const path = findNul(request.body);
    if (path) throw validationFailed([{ path, message: NUL_MESSAGE }]);
  });
}
