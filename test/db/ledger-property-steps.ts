import fc from 'fast-check';
import { inTransaction } from '../../src/app/deps.ts';
import { buildAdministration } from '../../src/app/ledger/ledger-clinical.builders.ts';
import { buildCorrection } from '../../src/app/ledger/ledger-correction.builders.ts';
import { buildBreakage } from '../../src/app/ledger/ledger-disposal.builders.ts';
import { postLedgerEntries } from '../../src/app/ledger/ledger-posting.ts';
import { createStockResolver } from '../../src/app/ledger/ledger-stock.ts';
import type { Batch, BuildContext } from '../../src/app/ledger/ledger-transactions.usecases.ts';
import { CORRECTABLE_KINDS, type LedgerEntryKind } from '../../src/domain/ledger/ledger-entry.ts';
import { applyLines, type LedgerLine } from '../../src/domain/ledger/ledger-model.ts';
import { toLocalDate } from '../../src/domain/ledger/loss-deadlines.ts';
import type { Amount } from '../../src/domain/ledger/quantities.ts';
import type { TransactionInput } from '../../src/domain/ledger/transaction-input.ts';
import { type LedgerFixture, receiptInput, WITNESS_PHYSICIAN } from '../support/ledger-fixture.ts';

/**
 * The steps of the ledger property test: each abstract step is resolved against the run's state into a transaction
 * and the outcome the pure model predicts. Vials are 10 mL of 10 mg/mL; devices 0.2 mL of 140 mg/mL (28 mg).
 */
const loc = fc.constantFrom(0, 1);
const vialLot = fc.constantFrom('A', 'B');
export const stepArbitrary = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ t: fc.constant('receipt' as const), loc, lot: vialLot, n: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('open' as const), loc, lot: vialLot }) },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('administer' as const),
        pick: fc.nat(),
        tenths: fc.integer({ min: 1, max: 70 }),
        wasteTenths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ t: fc.constant('administerSealed' as const), loc, lot: vialLot, tenths: fc.integer({ min: 1, max: 100 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('device' as const),
        n: fc.integer({ min: 1, max: 3 }),
        unit: fc.constantFrom('container', 'mg'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('deviceBadUnit' as const), half: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('expired' as const), administer: fc.boolean() }) },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('move' as const),
        lot: fc.constantFrom('A', 'B', 'DEV'),
        from: loc,
        n: fc.integer({ min: 1, max: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constantFrom('breakage' as const, 'loss' as const),
        pick: fc.nat(),
        container: fc.boolean(),
        tenths: fc.integer({ min: 1, max: 50 }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('correct' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('nonPositive' as const), value: fc.constantFrom(0, -1, -2.5), move: fc.boolean() }),
    },
  );
export type Step = ReturnType<typeof stepArbitrary> extends fc.Arbitrary<infer S> ? S : never;

/** What the property test knows about one run: its registration, lots by number, opened containers, the entries
 *  posted (with their lines as model lines) and the model's balances. */
export interface RunState {
  registrationId: string;
  patientId: string;
  locations: [string, string];
  lots: Map<string, string>;
  containers: string[];
  entries: { id: string; kind: string; lines: LedgerLine[] }[];
  corrected: Set<string>;
  model: Map<string, Amount>;
}

type Expected = { ok: true } | { ok: false; code: string };
export interface PlannedStep {
  input: TransactionInput;
  needsWitness: boolean;
  /** Sent to the use case without the HTTP schema, as postAdministration callers do: the use case must refuse it. */
  bypassSchema?: boolean;
  targetId?: string;
  expect(state: RunState): Expected;
}

const vial = (ml: number): Amount => ({ containers: ml / 10, ml, mg: ml * 10 });
const device = (n: number): Amount => ({ containers: n, ml: n * 0.2, mg: n * 28 });
const minus = (a: Amount): Amount => ({ containers: -a.containers, ml: -a.ml, mg: -a.mg });
const key = (lotId: string, locationId: string, containerId = '') => `${lotId}\u001f${locationId}\u001f${containerId}`;
const stock =
  (lines: LedgerLine[]) =>
  (state: RunState): Expected =>
    applyLines(state.model, lines).ok ? { ok: true } : { ok: false, code: 'ledger.insufficient_stock' };
const refused = (code: string) => (): Expected => ({ ok: false, code });

/** The bucket an opened container sits in (its lot and location come from the lines that opened it). */
function containerBucket(state: RunState, containerId: string): string {
  for (const entry of state.entries) for (const l of entry.lines) if (l.bucketKey.endsWith(`\u001f${containerId}`)) return l.bucketKey;
  throw new Error('unknown container');
}

/** Resolves a step against the state; null when it does not apply yet (e.g. no opened container). */
export function toTransaction(step: Step, state: RunState): PlannedStep | null {
  const patientId = state.patientId;
  const at = (i: number) => state.locations[i]!;
  const lotId = (name: string) => state.lots.get(name);
  const pickContainer = (pick: number) => (state.containers.length ? state.containers[pick % state.containers.length]! : null);
  switch (step.t) {
    case 'receipt':
      return { input: receiptInput(at(step.loc), step.lot, step.n), needsWitness: false, expect: () => ({ ok: true }) };
    case 'open': {
      const id = lotId(step.lot);
      if (!id) return null;
      const lines = [{ bucketKey: key(id, at(step.loc)), delta: minus(vial(10)) }];
      return { input: { kind: 'open_container', lotId: id, locationId: at(step.loc) }, needsWitness: false, expect: stock(lines) };
    }
    case 'administer': {
      const containerId = pickContainer(step.pick);
      if (!containerId) return null;
      const bucketKey = containerBucket(state, containerId);
      const lines = [{ bucketKey, delta: minus(vial(step.tenths / 10)) }];
      if (step.wasteTenths) lines.push({ bucketKey, delta: minus(vial(step.wasteTenths / 10)) });
      const input: TransactionInput = {
        kind: 'administration',
        patientId,
        source: { containerId },
        administered: { value: step.tenths / 10, unit: 'mL' },
        ...(step.wasteTenths ? { wasted: { value: step.wasteTenths / 10, unit: 'mL' }, witnesses: [WITNESS_PHYSICIAN] } : {}),
      };
      return { input, needsWitness: step.wasteTenths > 0, expect: stock(lines) };
    }
    case 'administerSealed': {
      const id = lotId(step.lot);
      if (!id) return null;
      const source = { lotId: id, locationId: at(step.loc) };
      const input: TransactionInput = { kind: 'administration', patientId, source, administered: { value: step.tenths / 10, unit: 'mL' } };
      return { input, needsWitness: false, expect: stock([{ bucketKey: key(id, at(step.loc)), delta: minus(vial(10)) }]) };
    }
    case 'device': {
      const id = lotId('DEV')!;
      const administered = { value: step.unit === 'mg' ? step.n * 28 : step.n, unit: step.unit };
      const input: TransactionInput = { kind: 'administration', patientId, source: { lotId: id, locationId: at(0) }, administered };
      return { input, needsWitness: false, expect: stock([{ bucketKey: key(id, at(0)), delta: minus(device(step.n)) }]) };
    }
    case 'deviceBadUnit': {
      const administered = step.half ? { value: 14, unit: 'mg' as const } : { value: 0.2, unit: 'mL' as const };
      const source = { lotId: lotId('DEV')!, locationId: at(0) };
      return {
        input: { kind: 'administration', patientId, source, administered },
        needsWitness: false,
        expect: refused('ledger.unit_mismatch'),
      };
    }
    case 'expired': {
      const source = { lotId: lotId('OLD')!, locationId: at(0) };
      const input: TransactionInput = step.administer
        ? { kind: 'administration', patientId, source, administered: { value: 1, unit: 'mL' } }
        : { kind: 'open_container', ...source };
      return { input, needsWitness: false, expect: refused('ledger.lot_expired') };
    }
    case 'move': {
      const id = lotId(step.lot);
      if (!id) return null;
      const [from, to] = [at(step.from), at(1 - step.from)];
      const amount = step.lot === 'DEV' ? device(step.n) : vial(10 * step.n);
      const lines = [
        { bucketKey: key(id, from), delta: minus(amount) },
        { bucketKey: key(id, to), delta: amount },
      ];
      return {
        input: { kind: 'move', lotId: id, fromLocationId: from, toLocationId: to, containers: step.n },
        needsWitness: false,
        expect: stock(lines),
      };
    }
    case 'breakage':
    case 'loss': {
      const containerId = step.container ? pickContainer(step.pick) : null;
      const id = lotId('A')!;
      const source = containerId ? { containerId } : { lotId: id, locationId: at(step.pick % 2) };
      const quantity = containerId ? { value: step.tenths / 10, unit: 'mL' as const } : { value: 1, unit: 'container' as const };
      const bucketKey = containerId ? containerBucket(state, containerId) : key(id, at(step.pick % 2));
      const lines = [{ bucketKey, delta: minus(vial(containerId ? step.tenths / 10 : 10)) }];
      const input: TransactionInput =
        step.t === 'breakage'
          ? { kind: 'breakage', source, quantity, description: 'dropped', witnesses: [WITNESS_PHYSICIAN] }
          : {
              kind: 'loss',
              source,
              quantity,
              lossType: 'loss',
              significant: false,
              discoveredAt: new Date(Date.now() - 60_000).toISOString(),
              description: 'count short',
            };
      return { input, needsWitness: step.t === 'breakage', expect: stock(lines) };
    }
    case 'correct': {
      if (state.entries.length === 0) return null;
      const target = state.entries[step.pick % state.entries.length]!;
      const input: TransactionInput = {
        kind: 'correction',
        reversesEntryId: target.id,
        reason: 'entered in error',
        secondSigner: WITNESS_PHYSICIAN,
      };
      const expect = (s: RunState): Expected => {
        if (!CORRECTABLE_KINDS.has(target.kind as LedgerEntryKind)) return { ok: false, code: 'ledger.not_correctable' };
        if (s.corrected.has(target.id)) return { ok: false, code: 'ledger.already_corrected' };
        return stock(target.lines.map((l) => ({ bucketKey: l.bucketKey, delta: minus(l.delta) })))(s);
      };
      return { input, needsWitness: true, targetId: target.id, expect };
    }
    case 'nonPositive': {
      const id = lotId('A')!;
      const input = (
        step.move
          ? { kind: 'move', lotId: id, fromLocationId: at(0), toLocationId: at(1), containers: step.value }
          : { kind: 'administration', patientId, source: { lotId: id, locationId: at(0) }, administered: { value: step.value, unit: 'mL' } }
      ) as TransactionInput;
      return { input, needsWitness: false, bypassSchema: !step.move, expect: refused('validation.failed') };
    }
  }
}

type ViewEntry = { id: string; kind: string; lines: { lotId: string; locationId: string; containerId: string | null; delta: Amount }[] };

/**
 * Posts a witnessed transaction the way recordLedgerTransaction does, with the witness taken as already verified:
 * password checks cost ~50-100 ms each, so most witnessed steps skip them (a sample goes through the use case).
 */
export async function postWithVerifiedWitnesses(registrationId: string, input: TransactionInput, f: LedgerFixture): Promise<ViewEntry[]> {
  const deps = f.deps;
  const registration = (await deps.repos.ledger.findRegistration(registrationId))!;
  const clinic = (await deps.repos.organization.findClinic(registration.clinicId))!;
  const now = deps.clock();
  const today = toLocalDate(now.toISOString(), clinic.timeZone);
  const physician = f.as.physician.actor;
  const posted = await inTransaction(deps, async (repos) => {
    const c: BuildContext = {
      registration,
      clinic,
      repos,
      deps,
      actorId: f.as.nurse.actor.userId,
      occurredAt: now.toISOString(),
      today,
      stock: createStockResolver(registration, repos, today),
      witnesses: [{ userId: physician.userId, name: physician.name, role: 'physician' }],
    };
    let batch: Batch;
    if (input.kind === 'administration') batch = await buildAdministration(input, c);
    else if (input.kind === 'breakage') batch = await buildBreakage(input, c);
    else if (input.kind === 'correction') batch = await buildCorrection(input, c);
    else throw new Error(`no witnessed builder for ${input.kind}`);
    return postLedgerEntries(repos, { actorId: c.actorId, recordedAt: now.toISOString(), newId: deps.newId }, batch);
  });
  return posted.map((e) => ({
    id: e.id,
    kind: e.kind,
    lines: e.lines.map((l) => ({
      lotId: l.lotId,
      locationId: l.locationId,
      containerId: l.containerId || null,
      delta: { containers: Number(l.deltaContainers), ml: Number(l.deltaMl), mg: Number(l.deltaMg) },
    })),
  }));
}
