import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { getStock, listLedgerEntries, listPrescribers } from '../../app/ledger/ledger-reads.usecases.ts';
import {
  addStorageLocation,
  createRegistration,
  listRegistrations,
  renewRegistration,
} from '../../app/ledger/ledger-registrations.usecases.ts';
import { recordLedgerTransaction } from '../../app/ledger/ledger-transactions.usecases.ts';
import { transactionInputSchema } from '../../domain/ledger/transaction-input.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses } from '../schemas/common.schemas.ts';
import {
  entriesQuerySchema,
  entryListSchema,
  locationBodySchema,
  locationSchema,
  postedSchema,
  prescriberListSchema,
  registrationBodySchema,
  registrationListSchema,
  registrationParamsSchema,
  registrationSchema,
  renewalBodySchema,
  stockSchema,
} from '../schemas/ledger.schemas.ts';

/** The Schedule III ledger (issue 5): registrations, stock, transactions and entries. There is no update or delete route. */
export function ledgerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    const params = registrationParamsSchema;

    app.get(
      '/api/ledger/registrations',
      { schema: { tags, response: { 200: registrationListSchema, ...errorResponses } } },
      async (request) => listRegistrations(await requireContext(request, deps), deps),
    );

    app.post(
      '/api/ledger/registrations',
      { schema: { tags, body: registrationBodySchema, response: { 201: registrationSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await createRegistration(request.body, await requireContext(request, deps), deps)),
    );

    app.post(
      '/api/ledger/registrations/:registrationId/renewals',
      { schema: { tags, params, body: renewalBodySchema, response: { 201: registrationSchema, ...errorResponses } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await renewRegistration(request.params.registrationId, request.body, await requireContext(request, deps), deps)),
    );

    app.post(
      '/api/ledger/registrations/:registrationId/locations',
      { schema: { tags, params, body: locationBodySchema, response: { 201: locationSchema, ...errorResponses } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addStorageLocation(request.params.registrationId, request.body, await requireContext(request, deps), deps)),
    );

    app.get(
      '/api/ledger/registrations/:registrationId/stock',
      { schema: { tags, params, response: { 200: stockSchema, ...errorResponses } } },
      async (request) => getStock(request.params.registrationId, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/ledger/registrations/:registrationId/transactions',
      { schema: { tags, params, body: transactionInputSchema, response: { 201: postedSchema, ...errorResponses } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordLedgerTransaction(request.params.registrationId, request.body, await requireContext(request, deps), deps)),
    );

    app.get(
      '/api/ledger/registrations/:registrationId/prescribers',
      { schema: { tags, params, response: { 200: prescriberListSchema, ...errorResponses } } },
      async (request) => listPrescribers(request.params.registrationId, await requireContext(request, deps), deps),
    );

    app.get(
      '/api/ledger/registrations/:registrationId/entries',
      { schema: { tags, params, querystring: entriesQuerySchema, response: { 200: entryListSchema, ...errorResponses } } },
      async (request) => listLedgerEntries(request.params.registrationId, request.query, await requireContext(request, deps), deps),
    );
  };
}
