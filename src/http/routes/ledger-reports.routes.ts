import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';

/** Ledger reports routes (issue 5). */
export function ledgerReportsRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
