import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps.ts';
import { signEvaluation } from '../../app/evaluation-signing.usecases.ts';
import { createEvaluation, listEvaluations } from '../../app/evaluations.usecases.ts';
import { completeSafetyTask, listSafetyTasks } from '../../app/safety-tasks.usecases.ts';
import { requireContext } from '../auth-session.ts';
import { errorResponses, idParamsSchema } from '../schemas/common.schemas.ts';
import {
  completeTaskBodySchema,
  evaluationListSchema,
  evaluationParamsSchema,
  evaluationSchema,
  newEvaluationBodySchema,
  signEvaluationBodySchema,
  taskListSchema,
  taskSchemaResponse,
} from '../schemas/evaluations.schemas.ts';

/** Clinician candidacy evaluations, physician signatures and the safety tasks they raise (issue 4, item 3). */
export function evaluationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['candidacy'];

    app.post(
      '/api/patients/:id/evaluations',
      { schema: { tags, params: idParamsSchema, body: newEvaluationBodySchema, response: { 201: evaluationSchema, ...errorResponses } } },
      async (request, reply) =>
        reply.status(201).send(await createEvaluation(request.params.id, request.body, await requireContext(request, deps), deps)),
    );

    app.get(
      '/api/patients/:id/evaluations',
      { schema: { tags, params: idParamsSchema, response: { 200: evaluationListSchema, ...errorResponses } } },
      async (request) => ({ items: await listEvaluations(request.params.id, await requireContext(request, deps), deps) }),
    );

    app.post(
      '/api/patients/:id/evaluations/:evaluationId/sign',
      {
        schema: {
          tags,
          params: evaluationParamsSchema,
          body: signEvaluationBodySchema,
          response: { 200: evaluationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = await requireContext(request, deps);
        return signEvaluation(request.params.id, request.params.evaluationId, request.body, ctx, deps);
      },
    );

    app.get('/api/tasks', { schema: { tags, response: { 200: taskListSchema, ...errorResponses } } }, async (request) => ({
      items: await listSafetyTasks(await requireContext(request, deps), deps),
    }));

    app.post(
      '/api/tasks/:id/complete',
      { schema: { tags, params: idParamsSchema, body: completeTaskBodySchema, response: { 200: taskSchemaResponse, ...errorResponses } } },
      async (request) => completeSafetyTask(request.params.id, request.body, await requireContext(request, deps), deps),
    );
  };
}
