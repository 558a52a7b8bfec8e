import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { getCount, listCounts, recordCount } from '../../app/ledger/ledger-counts.usecases.ts';
import { listDiscrepancies, recordDiscrepancyAction } from '../../app/ledger/ledger-discrepancies.usecases.ts';
import { completeLossTask, listLossTasks } from '../../app/ledger/ledger-loss-tasks.usecases.ts';
import { getReconciliation } from '../../app/ledger/ledger-reconciliation.usecases.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses } from '../schemas/common.schemas.ts';
import { registrationParamsSchema } from '../schemas/ledger.schemas.ts';
import {
  countBodySchema,
  countListSchema,
  countParamsSchema,
  countSchema,
  discrepancyActionBodySchema,
  discrepancyListSchema,
  discrepancyParamsSchema,
  discrepancySchema,
  lossTaskListSchema,
  lossTaskSchema,
  reconciliationQuerySchema,
  reconciliationSchema,
  taskCompletionBodySchema,
  taskParamsSchema,
} from '../schemas/ledger-counts.schemas.ts';

/** Counts, discrepancies, loss reporting tasks and reconciliation of the Schedule III ledger (issue 5, item 5). */
export function ledgerCountsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    const base = '/api/ledger/registrations/:registrationId';
    const params = registrationParamsSchema;

    app.post(
      `${base}/counts`,
      { schema: { tags, params, body: countBodySchema, response: { 201: countSchema, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await recordCount(request.params.registrationId, request.body, await requireContext(request, deps), deps)),
    );

    app.get(`${base}/counts`, { schema: { tags, params, response: { 200: countListSchema, ...errorResponses } } }, async (request) =>
      listCounts(request.params.registrationId, await requireContext(request, deps), deps),
    );

    app.get(
      `${base}/counts/:entryId`,
      { schema: { tags, params: countParamsSchema, response: { 200: countSchema, ...errorResponses } } },
      async (request) => getCount(request.params.registrationId, request.params.entryId, await requireContext(request, deps), deps),
    );

    app.get(
      `${base}/discrepancies`,
      { schema: { tags, params, response: { 200: discrepancyListSchema, ...errorResponses } } },
      async (request) => listDiscrepancies(request.params.registrationId, await requireContext(request, deps), deps),
    );

    app.post(
      `${base}/discrepancies/:countEntryId/:lineNo/actions`,
      {
        schema: {
          tags,
          params: discrepancyParamsSchema,
          body: discrepancyActionBodySchema,
          response: { 201: discrepancySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { registrationId, countEntryId, lineNo } = request.params;
        const ctx = await requireContext(request, deps);
        return reply.status(201).send(await recordDiscrepancyAction(registrationId, countEntryId, lineNo, request.body, ctx, deps));
      },
    );

    app.get(`${base}/tasks`, { schema: { tags, params, response: { 200: lossTaskListSchema, ...errorResponses } } }, async (request) =>
      listLossTasks(request.params.registrationId, await requireContext(request, deps), deps),
    );

    app.post(
      `${base}/tasks/:lossEntryId/:task/completion`,
      { schema: { tags, params: taskParamsSchema, body: taskCompletionBodySchema, response: { 201: lossTaskSchema, ...errorResponses } } },
      async (request, reply) => {
        const { registrationId, lossEntryId, task } = request.params;
        const ctx = await requireContext(request, deps);
        return reply.status(201).send(await completeLossTask(registrationId, lossEntryId, task, request.body, ctx, deps));
      },
    );

    app.get(
      `${base}/reconciliation`,
      { schema: { tags, params, querystring: reconciliationQuerySchema, response: { 200: reconciliationSchema, ...errorResponses } } },
      async (request) => getReconciliation(request.params.registrationId, request.query, await requireContext(request, deps), deps),
    );
  };
}
