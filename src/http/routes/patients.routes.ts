import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import {
  createPatient,
  getPatient,
  getPatientAccessLog,
  listPatientVersions,
  searchPatients,
  updatePatient,
} from '../../app/patients.usecases.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses, idParamsSchema, pageQuerySchema } from '../schemas/common.schemas.ts';
import {
  accessLogSchema,
  newPatientBodySchema,
  patientListSchema,
  patientPatchBodySchema,
  patientSearchQuerySchema,
  patientVersionsSchema,
  patientViewSchema,
} from '../schemas/patients.schemas.ts';

export function patientsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['patients'];

    app.get(
      '/api/patients',
      { schema: { tags, querystring: patientSearchQuerySchema, response: { 200: patientListSchema, ...errorResponses } } },
      async (request) => searchPatients(request.query, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/patients',
      { schema: { tags, body: newPatientBodySchema, response: { 201: patientViewSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await createPatient(request.body, await requireContext(request, deps), deps)),
    );

    app.get(
      '/api/patients/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: patientViewSchema, ...errorResponses } } },
      async (request) => getPatient(request.params.id, await requireContext(request, deps), deps),
    );

    app.patch(
      '/api/patients/:id',
      { schema: { tags, params: idParamsSchema, body: patientPatchBodySchema, response: { 200: patientViewSchema, ...errorResponses } } },
      async (request) => updatePatient(request.params.id, request.body, await requireContext(request, deps), deps),
    );

    app.get(
      '/api/patients/:id/versions',
      { schema: { tags, params: idParamsSchema, response: { 200: patientVersionsSchema, ...errorResponses } } },
      async (request) => ({ items: await listPatientVersions(request.params.id, await requireContext(request, deps), deps) }),
    );

    app.get(
      '/api/patients/:id/access-log',
      { schema: { tags, params: idParamsSchema, querystring: pageQuerySchema, response: { 200: accessLogSchema, ...errorResponses } } },
      async (request) => getPatientAccessLog(request.params.id, request.query, await requireContext(request, deps), deps),
    );
  };
}
