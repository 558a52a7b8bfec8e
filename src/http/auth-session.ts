import type { FastifyRequest } from 'fastify';
import { type AuthenticatedSession, assertTotpSatisfied, authenticate } from '../app/auth/auth-sessions.usecases.ts';
import type { Deps, RequestContext } from '../app/deps.ts';

/**
 * Resolves the caller's session for a route; every route of ours except health and sign-in calls it.
 * While the clinic requires a TOTP the user has not set up, only the set-up routes pass.
 */
export async function requireSession(
  request: FastifyRequest,
  deps: Deps,
  options: { allowWithoutTotp?: boolean } = {},
): Promise<AuthenticatedSession> {
  const session = await authenticate(request.headers.cookie, deps);
  if (!options.allowWithoutTotp) assertTotpSatisfied(session);
  return session;
}

export async function requireContext(request: FastifyRequest, deps: Deps): Promise<RequestContext> {
  const session = await requireSession(request, deps);
  return { actor: session.actor, requestId: request.id };
}
