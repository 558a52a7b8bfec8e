import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { convertLead, getLead, listLeads, updateLeadStatus } from '../../app/leads.usecases.ts';
import { listPublicClinics, submitSelfCheck } from '../../app/self-check.usecases.ts';
import { createSelfCheckThrottle } from '../../app/self-check-throttle.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses, idParamsSchema } from '../schemas/common.schemas.ts';
import {
  leadConvertBodySchema,
  leadConvertResultSchema,
  leadListQuerySchema,
  leadListSchema,
  leadPatchBodySchema,
  leadSchema,
  publicClinicsSchema,
  selfCheckBodySchema,
  selfCheckResultSchema,
} from '../schemas/self-check.schemas.ts';

/** Public self-check (no sign-in) and the leads it raises for the clinic (issue 4, item 2). */
export function selfCheckRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['candidacy'];
    const throttle = createSelfCheckThrottle();

    app.get('/api/public/clinics', { schema: { tags, response: { 200: publicClinicsSchema, ...errorResponses } } }, async () => ({
      items: await listPublicClinics(deps),
    }));

    app.post(
      '/api/self-check',
      { schema: { tags, body: selfCheckBodySchema, response: { 201: selfCheckResultSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await submitSelfCheck(request.body, { ip: request.ip }, throttle, deps)),
    );

    app.get(
      '/api/leads',
      { schema: { tags, querystring: leadListQuerySchema, response: { 200: leadListSchema, ...errorResponses } } },
      async (request) => ({ items: await listLeads(request.query.status, await requireContext(request, deps), deps) }),
    );

    app.get(
      '/api/leads/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: leadSchema, ...errorResponses } } },
      async (request) => getLead(request.params.id, await requireContext(request, deps), deps),
    );

    app.patch(
      '/api/leads/:id',
      { schema: { tags, params: idParamsSchema, body: leadPatchBodySchema, response: { 200: leadSchema, ...errorResponses } } },
      async (request) => updateLeadStatus(request.params.id, request.body.status, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/leads/:id/convert',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: leadConvertBodySchema,
          response: { 201: leadConvertResultSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await convertLead(request.params.id, request.body, await requireContext(request, deps), deps)),
    );
  };
}
