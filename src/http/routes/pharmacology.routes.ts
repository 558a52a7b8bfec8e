import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import {
  approveDrugLibraryVersion,
  createDrugLibraryDraft,
  getDrugLibrary,
  listDrugLibraryVersions,
} from '../../app/drug-library.usecases.ts';
import { checkDoseInClinic, listPkModels, planToTarget, simulatePk } from '../../app/pharmacology.usecases.ts';
import { createPopulationPool, type PopulationRunner } from '../../app/population-pool.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses } from '../schemas/common.schemas.ts';
import {
  approveBodySchema,
  approveParamsSchema,
  currentLibrarySchema,
  doseCheckBodySchema,
  doseCheckResponseSchema,
  drugLibraryResponseSchema,
  libraryDraftBodySchema,
  libraryDraftSchema,
  libraryVersionsResponseSchema,
  pkModelsSchema,
  planBodySchema,
  planResponseSchema,
  simulateBodySchema,
  simulateResponseSchema,
} from '../schemas/pharmacology.schemas.ts';

/** Predicted blood levels, dose checks and the per-clinic drug library (issue 3, item 9). */
export function pharmacologyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Workers start on the first population request and stop with the app.
    let pool: PopulationRunner | undefined;
    const population: PopulationRunner = {
      run: (input) => {
        pool ??= createPopulationPool({ size: 2 });
        return pool.run(input);
      },
      close: async () => pool?.close(),
    };
    app.addHook('onClose', async () => population.close());

    app.get('/api/pk/models', { schema: { tags: ['pk'], response: { 200: pkModelsSchema, ...errorResponses } } }, async (request) => {
      await requireContext(request, deps);
      return listPkModels();
    });

    app.post(
      '/api/pk/simulate',
      { schema: { tags: ['pk'], body: simulateBodySchema, response: { 200: simulateResponseSchema, ...errorResponses } } },
      async (request) => simulatePk(request.body, await requireContext(request, deps), deps, population),
    );

    app.post(
      '/api/pk/plan',
      { schema: { tags: ['pk'], body: planBodySchema, response: { 200: planResponseSchema, ...errorResponses } } },
      async (request) => planToTarget(request.body, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/dose/check',
      { schema: { tags: ['dose'], body: doseCheckBodySchema, response: { 200: doseCheckResponseSchema, ...errorResponses } } },
      async (request) => checkDoseInClinic(request.body, await requireContext(request, deps), deps),
    );

    const tags = ['drug-library'];
    app.get('/api/drug-library', { schema: { tags, response: { 200: drugLibraryResponseSchema, ...errorResponses } } }, async (request) =>
      getDrugLibrary(await requireContext(request, deps), deps),
    );

    app.get(
      '/api/drug-library/versions',
      { schema: { tags, response: { 200: libraryVersionsResponseSchema, ...errorResponses } } },
      async (request) => ({ items: await listDrugLibraryVersions(await requireContext(request, deps), deps) }),
    );

    app.post(
      '/api/drug-library/drafts',
      { schema: { tags, body: libraryDraftBodySchema, response: { 201: libraryDraftSchema, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await createDrugLibraryDraft(request.body, await requireContext(request, deps), deps)),
    );

    app.post(
      '/api/drug-library/versions/:version/approve',
      {
        schema: {
          tags,
          params: approveParamsSchema,
          body: approveBodySchema.nullish(),
          response: { 200: currentLibrarySchema, ...errorResponses },
        },
      },
      async (request) => approveDrugLibraryVersion(request.params.version, request.body ?? {}, await requireContext(request, deps), deps),
    );
  };
}
