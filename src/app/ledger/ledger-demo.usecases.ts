import type { RegistrationRow } from '../../db/repositories/ledger.repository.ts';
import {
  buildDemoLedgerStories,
  DEMO_LEDGER_LOCATIONS,
  type DemoLedgerActor,
  type DemoLedgerStep,
  type DemoLedgerStory,
} from '../../domain/demo/demo-ledger.ts';
import { DEMO_USERS } from '../../domain/demo/demo-organization.ts';
import { differenceMlOf, toCountedAmount } from '../../domain/ledger/counting.ts';
import { toLocalDate } from '../../domain/ledger/loss-deadlines.ts';
import { type Deps, inTransaction, type Repositories } from '../deps.ts';
import { buildAdministration } from './ledger-clinical.builders.ts';
import { buildCorrection } from './ledger-correction.builders.ts';
import type { CountDetails, CountLineDetails } from './ledger-counts.views.ts';
import { type PostedEntry, postLedgerEntries } from './ledger-posting.ts';
import { createStockResolver, lotMeasure } from './ledger-stock.ts';
import { buildMove, buildReceipt } from './ledger-supply.builders.ts';
import type { Batch, BuildContext } from './ledger-transactions.usecases.ts';
import type { VerifiedWitness } from './witnesses.ts';

/** Who and what the demo seed already created: the story refers to patients by index and staff by role. */
export interface DemoLedgerCast {
  organizationId: string;
  clinicIds: readonly [string, string];
  patientIds: readonly string[];
  userIdByEmail: ReadonlyMap<string, string>;
}

/** Ids the story's keys turned into while posting. */
interface PostedIds {
  locations: Map<string, string>;
  lots: Map<string, string>;
  containers: Map<string, string>;
  entries: Map<string, string>;
  countLines: Map<string, Map<string, number>>;
}

/**
 * Posts the demo clinics' stock story (issue 5, item 8; src/domain/demo/demo-ledger.ts) through the same builders and
 * posting function as live transactions, in one database transaction. Witnesses are the demo staff, taken as verified
 * (their password is public and re-hashing it would only slow the seed).
 */
export async function seedDemoLedger(deps: Deps, cast: DemoLedgerCast): Promise<void> {
  const stories = buildDemoLedgerStories(deps.clock());
  const staff = demoStaff(cast);
  await inTransaction(deps, async (repos) => {
    for (const story of stories) await postStory(story, cast, staff, repos, deps);
  });
}

function demoStaff(cast: DemoLedgerCast): Record<DemoLedgerActor, VerifiedWitness> {
  const person = (role: DemoLedgerActor): VerifiedWitness => {
    const user = DEMO_USERS.find((u) => u.roles.some((r) => r.role === role))!;
    return { userId: cast.userIdByEmail.get(user.email)!, name: user.name, role };
  };
  return { admin: person('admin'), physician: person('physician'), nurse: person('nurse') };
}

async function postStory(
  story: DemoLedgerStory,
  cast: DemoLedgerCast,
  staff: Record<DemoLedgerActor, VerifiedWitness>,
  repos: Repositories,
  deps: Deps,
) {
  const clinicId = cast.clinicIds[story.clinicIndex];
  const clinic = (await repos.organization.findClinic(clinicId))!;
  const registration: RegistrationRow = {
    id: deps.newId(),
    organizationId: cast.organizationId,
    clinicId,
    deaNumber: story.registration.deaNumber,
    registrantName: story.registration.registrantName,
    address: story.registration.address,
    createdBy: staff.admin.userId,
    createdAt: new Date(story.registration.occurredAt),
  };
  await repos.ledger.insertRegistration(registration);
  const { occurredAt, expiresOn } = story.registration;
  await postLedgerEntries(repos, { actorId: staff.admin.userId, recordedAt: occurredAt, newId: deps.newId }, [
    { registrationId: registration.id, entry: { kind: 'registration_expiry', occurredAt, details: { expiresOn }, lines: [] } },
  ]);
  const ids: PostedIds = { locations: new Map(), lots: new Map(), containers: new Map(), entries: new Map(), countLines: new Map() };
  for (const [key, name] of Object.entries(DEMO_LEDGER_LOCATIONS)) {
    const row = { id: deps.newId(), registrationId: registration.id, name, createdBy: staff.admin.userId, createdAt: new Date(occurredAt) };
    await repos.ledger.insertLocation(row);
    ids.locations.set(key, row.id);
  }
  const today = toLocalDate(deps.clock().toISOString(), clinic.timeZone);
  for (const step of story.steps) {
    const witnesses = [witnessOf(step)].flatMap((role) => (role ? [staff[role]] : []));
    const c: BuildContext = {
      registration,
      clinic,
      repos,
      deps,
      actorId: staff[step.actor].userId,
      occurredAt: step.occurredAt,
      today,
      stock: createStockResolver(registration, repos, today),
      witnesses,
    };
    const batch = await buildStep(step, story, cast, ids, staff, c);
    const posted = await postLedgerEntries(repos, { actorId: c.actorId, recordedAt: step.recordedAt, newId: deps.newId }, batch);
    rememberIds(step, posted, ids);
  }
}

const witnessOf = (step: DemoLedgerStep): DemoLedgerActor | undefined =>
  step.kind === 'administration' ? step.witness : step.kind === 'correction' ? step.secondSigner : undefined;

async function buildStep(
  step: DemoLedgerStep,
  story: DemoLedgerStory,
  cast: DemoLedgerCast,
  ids: PostedIds,
  staff: Record<DemoLedgerActor, VerifiedWitness>,
  c: BuildContext,
): Promise<Batch> {
  const location = (key: string) => ids.locations.get(key)!;
  switch (step.kind) {
    case 'receipt': {
      const lot = story.lots.find((l) => l.key === step.lot)!;
      const { productId, lotNumber, expiresOn, containerVolumeMl } = lot;
      const { containers, invoiceNumber, receivedOn } = step;
      const fields = { productId, lotNumber, expiresOn, containerVolumeMl, containers, invoiceNumber, receivedOn };
      return buildReceipt({ kind: 'receipt', locationId: location(step.location), supplier: story.supplier, ...fields }, c);
    }
    case 'move': {
      const fromLocationId = location(step.from);
      const toLocationId = location(step.to);
      return buildMove({ kind: 'move', lotId: ids.lots.get(step.lot)!, fromLocationId, toLocationId, containers: step.containers }, c);
    }
    case 'administration': {
      const source =
        'container' in step.source
          ? { containerId: ids.containers.get(step.source.container)! }
          : { lotId: ids.lots.get(step.source.lot)!, locationId: location(step.source.location) };
      const patientId = cast.patientIds[step.patientIndex]!;
      const { administered, wasted, note } = step;
      return buildAdministration({ kind: 'administration', patientId, source, administered, wasted, note }, c);
    }
    case 'correction': {
      const secondSigner = { email: '', password: '' }; // verified already: c.witnesses holds the demo physician
      return buildCorrection(
        { kind: 'correction', reversesEntryId: ids.entries.get(step.reverses)!, reason: step.reason, secondSigner },
        c,
      );
    }
    case 'count':
      return [{ registrationId: c.registration.id, entry: await buildCountEntry(step, ids, staff, c) }];
    case 'discrepancy_action': {
      const details = {
        countEntryId: ids.entries.get(step.count)!,
        lineNo: ids.countLines.get(step.count)!.get(step.container)!,
        action: 'resolved_by_correction',
        note: step.note,
        correctionEntryId: ids.entries.get(step.correction)!,
        lossEntryId: null,
      };
      return [{ registrationId: c.registration.id, entry: { kind: 'discrepancy_action', occurredAt: c.occurredAt, details, lines: [] } }];
    }
  }
}

/**
 * A two-person count of every bucket on the books (the shape recordCount in ledger-counts.usecases.ts writes): counted =
 * book, except the story's differences on opened containers. Remembers each container's line number for the follow-up.
 */
async function buildCountEntry(
  step: Extract<DemoLedgerStep, { kind: 'count' }>,
  ids: PostedIds,
  staff: Record<DemoLedgerActor, VerifiedWitness>,
  c: BuildContext,
): Promise<Batch[number]['entry']> {
  const lots = new Map((await c.repos.ledger.listLots(c.registration.id)).map((lot) => [lot.id, lot]));
  const keyOfContainer = new Map([...ids.containers].map(([key, id]) => [id, key]));
  const lineNos = new Map<string, number>();
  const balances = await c.repos.ledger.listBalances(c.registration.id);
  const lines: CountLineDetails[] = balances.map((b, index) => {
    const book = { containers: Number(b.containers), ml: Number(b.ml), mg: Number(b.mg) };
    const containerKey = keyOfContainer.get(b.containerId);
    if (containerKey) lineNos.set(containerKey, index + 1);
    const measure = lotMeasure(lots.get(b.lotId)!);
    const differenceMl = containerKey ? (step.differencesMl[containerKey] ?? 0) : 0;
    const counted = b.containerId ? toCountedAmount({ ml: book.ml + differenceMl }, measure) : toCountedAmount(book, measure);
    return {
      lotId: b.lotId,
      locationId: b.locationId,
      containerId: b.containerId || null,
      bookContainers: book.containers,
      bookMl: book.ml,
      bookMg: book.mg,
      countedContainers: counted.containers,
      countedMl: counted.ml,
      countedMg: counted.mg,
      differenceMl: differenceMlOf(book.ml, counted.ml),
    };
  });
  ids.countLines.set(step.key, lineNos);
  const { userId, name, role } = staff[step.secondCounter];
  const details: CountDetails = {
    countKind: 'daily',
    timeOfDay: step.timeOfDay,
    countedAt: c.occurredAt,
    locationId: null,
    secondCounter: { userId, name, role },
    note: step.note,
    lines,
  };
  return { kind: 'count', occurredAt: c.occurredAt, details: { ...details, lines: lines.map((l) => ({ ...l })) }, lines: [] };
}

/** Records the ids a step created: lots (receipts), opened containers, and the entry later steps refer to. */
function rememberIds(step: DemoLedgerStep, posted: PostedEntry[], ids: PostedIds) {
  const main = posted.find((e) => e.kind === step.kind) ?? posted[0]!;
  ids.entries.set(step.key, main.id);
  if (step.kind === 'receipt') ids.lots.set(step.lot, main.lines[0]!.lotId);
  if (step.kind === 'administration' && 'opens' in step.source && step.source.opens) {
    const opened = posted.find((e) => e.kind === 'open_container')!;
    ids.containers.set(step.source.opens, opened.lines.find((l) => l.containerId !== '')!.containerId);
  }
}
