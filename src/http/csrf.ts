import type { FastifyInstance } from 'fastify';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie-authenticated writes: an unsafe request must come from our own origin (Origin header,
 * or Referer when a browser omits Origin). A write that carries a cookie but neither header is refused;
 * SameSite=Lax cookies are the second layer. Non-browser clients without cookies are unaffected.
 */
export function registerOriginCheck(app: FastifyInstance, trustedOrigins: readonly string[]) {
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const ownOrigin = `${request.protocol}://${request.host}`;
    const allowed = new Set([ownOrigin, ...trustedOrigins]);
    const origin = request.headers.origin ?? originOf(request.headers.referer);
    const hasCookie = typeof request.headers.cookie === 'string' && request.headers.cookie.length > 0;
    if (origin === undefined ? hasCookie : !allowed.has(origin)) {
      return reply.status(403).send({
        error: { code: 'auth.csrf_rejected', message: 'Cross-site request refused: the Origin does not match this server.', details: {} },
      });
    }
  });
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
