import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClinic, createUser, listClinics, listUsers, updateClinic, updateUser } from '../../app/admin.usecases.ts';
import type { Deps } from '../../app/deps.ts';
import { requireContext } from '../auth-session.ts';
import {
  clinicBodySchema,
  clinicPatchSchema,
  clinicSchema,
  userBodySchema,
  userPatchSchema,
  userSchema,
} from '../schemas/admin.schemas.ts';
import { errorResponses, idParamsSchema } from '../schemas/common.schemas.ts';

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
const toUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  active: u.active,
  totpEnabled: u.twoFactorEnabled === true,
  roles: u.roles,
  patientId: u.patientId,
});

/** Users and clinics (admins); GET /api/clinics also answers staff with their own clinics. */
export function adminRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['administration'];
    const actorOf = async (request: Parameters<typeof requireContext>[0]) => (await requireContext(request, deps)).actor;

    app.get(
      '/api/clinics',
      { schema: { tags, response: { 200: z.object({ items: z.array(clinicSchema) }), ...errorResponses } } },
      async (request) => ({
        items: await listClinics(await actorOf(request), deps),
      }),
    );
    app.post(
      '/api/clinics',
      { schema: { tags, body: clinicBodySchema, response: { 201: clinicSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await createClinic(request.body, await actorOf(request), deps)),
    );
    app.patch(
      '/api/clinics/:id',
      { schema: { tags, params: idParamsSchema, body: clinicPatchSchema, response: { 200: clinicSchema, ...errorResponses } } },
      async (request) => updateClinic(request.params.id, request.body, await actorOf(request), deps),
    );

    app.get(
      '/api/users',
      { schema: { tags, response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses } } },
      async (request) => ({
        items: (await listUsers(await actorOf(request), deps)).map(toUser),
      }),
    );
    app.post(
      '/api/users',
      { schema: { tags, body: userBodySchema, response: { 201: userSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(toUser(await createUser(request.body, await requireContext(request, deps), deps))),
    );
    app.patch(
      '/api/users/:id',
      { schema: { tags, params: idParamsSchema, body: userPatchSchema, response: { 200: userSchema, ...errorResponses } } },
      async (request) => toUser(await updateUser(request.params.id, request.body, await requireContext(request, deps), deps)),
    );
  };
}
