import type { SafetyTaskRow } from '../db/repositories/evaluations.repository.ts';
import { findClinicRole } from '../domain/access/permissions.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { safetyTaskAlreadyCompleted } from './candidacy.errors.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { forbidden, noActiveClinic, notFound } from './errors.ts';

const toView = (t: SafetyTaskRow) => ({
  id: t.id,
  kind: t.kind,
  patientId: t.patientId,
  createdAt: t.createdAt,
  completedAt: t.completedAt,
  note: t.note,
});

/** Safety tasks of the active clinic (PHQ-9 item 9 > 0, DOMAIN.md 8), open ones first. */
export async function listSafetyTasks(ctx: RequestContext, deps: Deps) {
  const clinicId = ctx.actor.activeClinicId;
  if (!clinicId) throw noActiveClinic();
  const role = findClinicRole(ctx.actor, 'safety_task.read', clinicId);
  if (!role) throw forbidden('read safety tasks');
  const tasks = await deps.repos.evaluations.listTasks([clinicId]);
  await recordPatientAccess({ clinicId, patientId: null, role, action: 'read', resource: 'safety_tasks' }, ctx, deps);
  return tasks.map(toView);
}

/** Completes a task with what was done (the note); a task is completed once. */
export async function completeSafetyTask(id: string, input: { note: string }, ctx: RequestContext, deps: Deps) {
  const task = await deps.repos.evaluations.findTask(id);
  const role = task ? findClinicRole(ctx.actor, 'safety_task.complete', task.clinicId) : null;
  if (!task || !role) throw notFound('safety_task');
  const at = deps.clock();
  const event = { clinicId: task.clinicId, patientId: task.patientId, role, action: 'update' as const };
  await inTransaction(deps, async (repos) => {
    const completed = await repos.evaluations.completeTask(task.id, { by: ctx.actor.userId, at, note: input.note });
    if (!completed) throw safetyTaskAlreadyCompleted();
    await recordPatientAccess({ ...event, resource: `safety_task/${task.id}` }, ctx, deps, repos);
  });
  return toView({ ...task, completedBy: ctx.actor.userId, completedAt: at, note: input.note });
}
