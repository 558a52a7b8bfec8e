import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { generateLedgerReport } from '../../app/ledger/ledger-reports.usecases.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses } from '../schemas/common.schemas.ts';
import { reportFileSchema, reportParamsSchema, reportQuerySchema } from '../schemas/ledger-reports.schemas.ts';

/**
 * Ledger reports (issue 5 item 6): administration and dispensing log, receipts, losses, disposals, inventory and the
 * full chain, as CSV or PDF downloads. Each carries the chain head it was generated at (issue 5 item 4).
 */
export function ledgerReportsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/ledger/registrations/:registrationId/reports/:report',
      {
        schema: {
          tags: ['ledger'],
          params: reportParamsSchema,
          querystring: reportQuerySchema,
          response: { 200: reportFileSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { registrationId, report } = request.params;
        const file = await generateLedgerReport(registrationId, report, request.query, await requireContext(request, deps), deps);
        return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
      },
    );
  };
}
