import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attestConsent, getConsentRecord, getPatientConsents, signConsent, withdrawConsent } from '../../app/consent.usecases.ts';
import { createConsentTemplateVersion, listConsentTemplates } from '../../app/consent-templates.usecases.ts';
import type { Deps } from '../../app/deps.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses, idParamsSchema } from '../schemas/common.schemas.ts';
import {
  attestBodySchema,
  consentParamsSchema,
  consentRecordSchema,
  newTemplateVersionBodySchema,
  patientConsentsSchema,
  signConsentBodySchema,
  templateListSchema,
  templateParamsSchema,
  templateVersionSchema,
  withdrawalSchema,
  withdrawBodySchema,
} from '../schemas/consent.schemas.ts';

/** Versioned e-consent (issue 4, item 4): templates, signatures, attestations, withdrawals; no update or delete route. */
export function consentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['consent'];

    app.get('/api/consent-templates', { schema: { tags, response: { 200: templateListSchema, ...errorResponses } } }, async (request) => ({
      items: await listConsentTemplates(await requireContext(request, deps), deps),
    }));

    app.post(
      '/api/consent-templates/:templateId/versions',
      {
        schema: {
          tags,
          params: templateParamsSchema,
          body: newTemplateVersionBodySchema,
          response: { 201: templateVersionSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createConsentTemplateVersion(request.params.templateId, request.body, await requireContext(request, deps), deps)),
    );

    app.get(
      '/api/patients/:id/consents',
      { schema: { tags, params: idParamsSchema, response: { 200: patientConsentsSchema, ...errorResponses } } },
      async (request) => getPatientConsents(request.params.id, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/patients/:id/consents',
      { schema: { tags, params: idParamsSchema, body: signConsentBodySchema, response: { 201: consentRecordSchema, ...errorResponses } } },
      async (request, reply) => {
        const ctx = await requireContext(request, deps);
        return reply.status(201).send(await signConsent(request.params.id, { ...request.body, ip: request.ip }, ctx, deps));
      },
    );

    app.get(
      '/api/patients/:id/consents/:signatureId',
      { schema: { tags, params: consentParamsSchema, response: { 200: consentRecordSchema, ...errorResponses } } },
      async (request) => getConsentRecord(request.params.id, request.params.signatureId, await requireContext(request, deps), deps),
    );

    app.post(
      '/api/patients/:id/consents/:signatureId/attestations',
      {
        schema: {
          tags,
          params: consentParamsSchema,
          body: attestBodySchema.nullish(),
          response: { 201: consentRecordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = await requireContext(request, deps);
        return reply.status(201).send(await attestConsent(request.params.id, request.params.signatureId, request.body ?? {}, ctx, deps));
      },
    );

    app.post(
      '/api/patients/:id/consent-withdrawals',
      { schema: { tags, params: idParamsSchema, body: withdrawBodySchema, response: { 201: withdrawalSchema, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await withdrawConsent(request.params.id, request.body, await requireContext(request, deps), deps)),
    );
  };
}
