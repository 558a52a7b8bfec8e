import type { RecordEntry } from '../../db/repositories/ledger-counts.repository.ts';
import { LOSS_TASK_TITLES, type LossTaskKind, lossTaskStatusOf, lossTasksOf } from '../../domain/ledger/counting.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from '../deps.ts';
import { authorizeRegistration } from './ledger-access.ts';
import { lossTaskNotFound, taskAlreadyDone } from './ledger-counts.errors.ts';
import { postLedgerEntries } from './ledger-posting.ts';

/** The parts of a `loss` entry's details the tasks show (src/app/ledger/ledger-disposal.builders.ts buildLoss). */
interface LossDetails {
  lossType: 'theft' | 'loss';
  reportable: boolean;
  productName: string;
  lotNumber: string;
  quantity: { value: number; unit: string };
  discoveredAt: string;
  deadlines: { deaNoticeDueAt: string; form106DueAt: string } | null;
}

interface TaskDoneDetails {
  lossEntryId: string;
  task: LossTaskKind;
  completedAt: string;
  note: string;
  reference: string | null;
}

/**
 * The reporting tasks of every reportable theft or loss not reversed by a correction (21 CFR 1301.76(b), DOMAIN.md 10):
 * written notice within one business day, Form 106 within 45 days. Status uses the injected clock.
 */
async function loadLossTasks(registrationId: string, repos: Repositories, nowMs: number) {
  const losses = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['loss']);
  const done = await repos.ledgerCounts.listEntriesOfKinds(registrationId, ['loss_task_done']);
  const corrections = await repos.ledger.listCorrections(losses.map((l) => l.id));
  const doneByTask = new Map<string, RecordEntry>();
  for (const entry of done) {
    const d = entry.details as unknown as TaskDoneDetails;
    if (!doneByTask.has(`${d.lossEntryId}#${d.task}`)) doneByTask.set(`${d.lossEntryId}#${d.task}`, entry);
  }
  const people = await repos.ledger.findPeople([...new Set(done.map((d) => d.recordedBy))]);
  return losses.flatMap((loss) => {
    const details = loss.details as unknown as LossDetails;
    if (!details.reportable || !details.deadlines || corrections.has(loss.id)) return [];
    return lossTasksOf(details.deadlines).map(({ task, dueAt }) => {
      const completion = doneByTask.get(`${loss.id}#${task}`);
      const d = completion?.details as unknown as TaskDoneDetails | undefined;
      return {
        lossEntryId: loss.id,
        task,
        title: LOSS_TASK_TITLES[task],
        dueAt,
        status: lossTaskStatusOf(dueAt, completion !== undefined, nowMs),
        completedAt: d?.completedAt ?? null,
        completedBy: completion ? { id: completion.recordedBy, name: people.get(completion.recordedBy) ?? '' } : null,
        note: d?.note ?? null,
        reference: d?.reference ?? null,
        loss: {
          lossType: details.lossType,
          productName: details.productName,
          lotNumber: details.lotNumber,
          quantity: details.quantity,
          discoveredAt: details.discoveredAt,
        },
      };
    });
  });
}

/** Loss reporting tasks, soonest due first. */
export async function listLossTasks(registrationId: string, ctx: RequestContext, deps: Deps) {
  await authorizeRegistration(registrationId, 'ledger.read', 'read the controlled-substance ledger', ctx, deps);
  const items = await loadLossTasks(registrationId, deps.repos, deps.clock().getTime());
  return { items: items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.lossEntryId.localeCompare(b.lossEntryId)) };
}

/**
 * Completes a loss task as a `loss_task_done` entry (with e.g. the Form 106 confirmation number as reference). Checked
 * under the chain-head lock: a second completion answers 409 and records nothing.
 */
export async function completeLossTask(
  registrationId: string,
  lossEntryId: string,
  task: LossTaskKind,
  input: { note: string; reference?: string | undefined },
  ctx: RequestContext,
  deps: Deps,
) {
  await authorizeRegistration(registrationId, 'ledger.count', 'complete a loss reporting task', ctx, deps);
  const now = deps.clock();
  return inTransaction(deps, async (repos) => {
    await repos.ledger.lockHead(registrationId);
    const find = async () =>
      (await loadLossTasks(registrationId, repos, now.getTime())).find((t) => t.lossEntryId === lossEntryId && t.task === task);
    const current = await find();
    if (!current) throw lossTaskNotFound();
    if (current.status === 'done') throw taskAlreadyDone();
    const details: TaskDoneDetails = {
      lossEntryId,
      task,
      completedAt: now.toISOString(),
      note: input.note,
      reference: input.reference ?? null,
    };
    await postLedgerEntries(repos, { actorId: ctx.actor.userId, recordedAt: now.toISOString(), newId: deps.newId }, [
      { registrationId, entry: { kind: 'loss_task_done', occurredAt: now.toISOString(), details: { ...details }, lines: [] } },
    ]);
    return (await find())!;
  });
}
