import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticate, signIn, signOut, verifySignInTotp } from '../../app/auth/auth-sessions.usecases.ts';
import { confirmTotpSetup, getMe, setActiveClinic, startTotpSetup } from '../../app/auth/me.usecases.ts';
import type { Deps } from '../../app/deps.ts';
import { requireSession } from '../auth-session.ts';
import {
  activeClinicBodySchema,
  loginBodySchema,
  loginResponseSchema,
  meSchema,
  passwordBodySchema,
  secondFactorBodySchema,
  totpCodeBodySchema,
  totpSetupResponseSchema,
} from '../schemas/auth.schemas.ts';
import { errorResponses } from '../schemas/common.schemas.ts';

/** Sign-in, sign-out, TOTP and "me". Wraps better-auth in-process (see auth-library.ts). */
export function authRoutes(deps: Deps, baseUrl: string): FastifyPluginAsyncZod {
  return async (app) => {
    const authRequest = (request: { headers: { cookie?: string | undefined }; ip: string }) => ({
      cookieHeader: request.headers.cookie,
      clientIp: request.ip,
      baseUrl,
    });
    const meOf = async (cookie: string | undefined) => getMe(await authenticate(cookie, deps), deps);
    /** "Me" for a session just created, read back through the cookies it was handed out with. */
    const meOfNewSession = (setCookies: string[]) => meOf(setCookies.map((c) => c.split(';')[0]).join('; '));

    app.post(
      '/api/auth/login',
      { schema: { tags: ['auth'], body: loginBodySchema, response: { 200: loginResponseSchema, ...errorResponses } } },
      async (request, reply) => {
        const result = await signIn(request.body, authRequest(request), deps);
        reply.header('set-cookie', result.setCookies);
        if (result.twoFactorRequired) return { user: null, twoFactorRequired: true };
        return { user: (await meOfNewSession(result.setCookies)).user, twoFactorRequired: false };
      },
    );

    app.post(
      '/api/auth/login/totp',
      { schema: { tags: ['auth'], body: secondFactorBodySchema, response: { 200: loginResponseSchema, ...errorResponses } } },
      async (request, reply) => {
        const result = await verifySignInTotp(request.body, authRequest(request), deps);
        reply.header('set-cookie', result.setCookies);
        return { user: (await meOfNewSession(result.setCookies)).user, twoFactorRequired: false };
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
      const result = await signOut(authRequest(request), deps);
      reply.header('set-cookie', result.setCookies);
      return reply.status(204).send(null);
    });

    app.get('/api/me', { schema: { tags: ['auth'], response: { 200: meSchema, ...errorResponses } } }, async (request) => {
      const session = await requireSession(request, deps, { allowWithoutTotp: true });
      return getMe(session, deps);
    });

    app.put(
      '/api/me/active-clinic',
      { schema: { tags: ['auth'], body: activeClinicBodySchema, response: { 200: meSchema, ...errorResponses } } },
      async (request) => {
        const session = await requireSession(request, deps, { allowWithoutTotp: true });
        await setActiveClinic(request.body.clinicId, session, deps);
        return meOf(request.headers.cookie);
      },
    );

    app.post(
      '/api/me/totp/enable',
      { schema: { tags: ['auth'], body: passwordBodySchema, response: { 200: totpSetupResponseSchema, ...errorResponses } } },
      async (request) => {
        await requireSession(request, deps, { allowWithoutTotp: true });
        return startTotpSetup(request.body.password, request.headers.cookie ?? '', deps);
      },
    );

    app.post(
      '/api/me/totp/confirm',
      { schema: { tags: ['auth'], body: totpCodeBodySchema, response: { 200: meSchema, ...errorResponses } } },
      async (request, reply) => {
        await requireSession(request, deps, { allowWithoutTotp: true });
        const { setCookies } = await confirmTotpSetup(request.body.code, request.headers.cookie ?? '', deps);
        if (setCookies.length === 0) return meOf(request.headers.cookie);
        reply.header('set-cookie', setCookies);
        return meOfNewSession(setCookies);
      },
    );
  };
}
