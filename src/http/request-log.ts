import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One log line per request (STYLE.md), naming the route pattern instead of the URL: URLs can carry search text
 * such as a patient's name. No headers, no bodies.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: { type: /^\w{1,60}$/.test(error.name) ? error.name : 'Error' } }, 'request errored');
    else reply.log.info(line, 'request');
  }
}
