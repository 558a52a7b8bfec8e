import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { throttled } from '../../app/errors.ts';
import {
  acceptPortalInvitation,
  describePortalInvitation,
  invitePatientToPortal,
  listPortalInvitations,
} from '../../app/portal-invitations.usecases.ts';
import { createSelfCheckThrottle } from '../../app/self-check-throttle.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses, idParamsSchema } from '../schemas/common.schemas.ts';
import {
  invitationAcceptBodySchema,
  invitationAcceptedSchema,
  invitationCreatedSchema,
  invitationListSchema,
  invitationSummarySchema,
  invitationTokenParamsSchema,
} from '../schemas/portal.schemas.ts';

/** Attempts one address may make per minute on the public invitation page (a birth-date guesser). */
const ACCEPT_ATTEMPTS_PER_MINUTE = 10;

/** Patient portal invitations: staff create a one-time link, the patient opens it and chooses a password. */
export function portalRoutes(deps: Deps, baseUrl: string): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const throttle = createSelfCheckThrottle(ACCEPT_ATTEMPTS_PER_MINUTE);

    app.post(
      '/api/patients/:id/portal-invitations',
      { schema: { tags, params: idParamsSchema, response: { 201: invitationCreatedSchema, ...errorResponses } } },
      async (request, reply) => {
        const { id, token, expiresAt } = await invitePatientToPortal(request.params.id, await requireContext(request, deps), deps);
        return reply.status(201).send({ id, url: `${baseUrl}/invite/${token}`, expiresAt });
      },
    );
    app.get(
      '/api/patients/:id/portal-invitations',
      { schema: { tags, params: idParamsSchema, response: { 200: invitationListSchema, ...errorResponses } } },
      async (request) => listPortalInvitations(request.params.id, await requireContext(request, deps), deps),
    );

    app.get(
      '/api/portal-invitations/:token',
      { schema: { tags, params: invitationTokenParamsSchema, response: { 200: invitationSummarySchema, ...errorResponses } } },
      async (request) => describePortalInvitation(request.params.token, deps),
    );
    app.post(
      '/api/portal-invitations/:token/accept',
      {
        schema: {
          tags,
          params: invitationTokenParamsSchema,
          body: invitationAcceptBodySchema,
          response: { 201: invitationAcceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const retryAfterS = throttle.take(request.ip, deps.clock().getTime());
        if (retryAfterS > 0) throw throttled(retryAfterS);
        return reply.status(201).send(await acceptPortalInvitation(request.params.token, request.body, request.id, deps));
      },
    );
  };
}
