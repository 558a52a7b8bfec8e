import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';

/** Ledger counts routes (issue 5). */
export function ledgerCountsRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
