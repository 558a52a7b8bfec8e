import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.ts';
import { addStorageLocation, createRegistration } from '../../src/app/ledger/ledger-registrations.usecases.ts';
import { recordLedgerTransaction } from '../../src/app/ledger/ledger-transactions.usecases.ts';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { applyLines } from '../../src/domain/ledger/ledger-model.ts';
import type { Amount } from '../../src/domain/ledger/quantities.ts';
import { type TransactionInput, transactionInputSchema } from '../../src/domain/ledger/transaction-input.ts';
import { type LedgerFixture, openLedgerFixture, receiptInput } from '../support/ledger-fixture.ts';
import { postWithVerifiedWitnesses, type RunState, type Step, stepArbitrary, toTransaction } from './ledger-property-steps.ts';

/**
 * Issue 5, Tests (property-based): random sequences of valid and invalid transactions through the use cases keep every
 * balance >= 0 and equal to the sum of its lines (verifyLedger), leave the chain head unchanged when refused, and agree
 * with the pure model of src/domain/ledger/ledger-model.ts. Each run gets a fresh registration in one PGlite database.
 */
const RUNS = 10;
let deaCounter = 100_000;

/** A fresh valid DEA number: check digit = last digit of (d1+d3+d5) + 2*(d2+d4+d6) (DEA check-digit rule). */
function nextDeaNumber(): string {
  const digits = String(deaCounter++).padStart(6, '0').split('').map(Number);
  const check = (digits[0]! + digits[2]! + digits[4]! + 2 * (digits[1]! + digits[3]! + digits[5]!)) % 10;
  return `FP${digits.join('')}${check}`;
}

const key = (lotId: string, locationId: string, containerId: string | null) => `${lotId}\u001f${locationId}\u001f${containerId ?? ''}`;

describe('ledger balances under random transaction sequences (PGlite)', () => {
  let f: LedgerFixture;
  beforeAll(async () => {
    f = await openLedgerFixture('pglite');
  });
  afterAll(async () => f?.close());

  /** A registration with two safes, stock of a vial lot and of esketamine devices, and an expired lot. */
  async function freshRun(): Promise<RunState> {
    const reg = await createRegistration(
      { deaNumber: nextDeaNumber(), registrantName: 'Property Clinic', address: '1 Random Road', expiresOn: '2099-12-31' },
      f.as.admin,
      f.deps,
    );
    const locations = [
      (await addStorageLocation(reg.id, { name: 'Safe A' }, f.as.admin, f.deps)).id,
      (await addStorageLocation(reg.id, { name: 'Safe B' }, f.as.admin, f.deps)).id,
    ] as [string, string];
    const state: RunState = {
      registrationId: reg.id,
      patientId: f.patientId,
      locations,
      lots: new Map(),
      containers: [],
      entries: [],
      corrected: new Set(),
      model: new Map(),
    };
    const past = { ...f.deps, clock: () => new Date('2026-01-15T12:00:00Z') };
    const setup: [TransactionInput, typeof f.deps][] = [
      [receiptInput(locations[0], 'A', 3), f.deps],
      [
        {
          ...(receiptInput(locations[0], 'DEV', 4) as Extract<TransactionInput, { kind: 'receipt' }>),
          productId: 'esketamine-28-mg-device',
          containerVolumeMl: 0.2,
        },
        f.deps,
      ],
      [
        {
          ...(receiptInput(locations[0], 'OLD', 2, '2026-06-30') as Extract<TransactionInput, { kind: 'receipt' }>),
          receivedOn: '2026-01-15',
        },
        past,
      ],
    ];
    for (const [input, deps] of setup) {
      const { entries } = await recordLedgerTransaction(reg.id, input, f.as.nurse, deps);
      record(state, entries);
    }
    for (const lot of await f.deps.repos.ledger.listLots(reg.id)) state.lots.set(lot.lotNumber, lot.id);
    return state;
  }

  /** Adds posted entries to the model's list and their lines to the model's balances (they were accepted). */
  function record(
    state: RunState,
    entries: { id: string; kind: string; lines: { lotId: string; locationId: string; containerId: string | null; delta: Amount }[] }[],
  ) {
    for (const entry of entries) {
      const lines = entry.lines.map((l) => ({ bucketKey: key(l.lotId, l.locationId, l.containerId), delta: l.delta }));
      const applied = applyLines(state.model, lines);
      if (!applied.ok) throw new Error(`the database accepted an entry the model refuses (${entry.kind})`);
      state.model = applied.balances;
      state.entries.push({ id: entry.id, kind: entry.kind, lines });
      for (const l of entry.lines) if (l.containerId && !state.containers.includes(l.containerId)) state.containers.push(l.containerId);
    }
  }

  async function checkInvariants(state: RunState) {
    const verification = await verifyLedger(f.deps, { registrationId: state.registrationId });
    expect(verification).toMatchObject({ ok: true, firstBreak: null, balanceMismatches: [] });
    const db = await f.deps.repos.ledger.listAllBalances(state.registrationId);
    const fixed = (a: Amount) => [a.containers.toFixed(4), a.ml.toFixed(3), a.mg.toFixed(3)];
    for (const row of db) {
      expect(Number(row.ml)).toBeGreaterThanOrEqual(0);
      expect(Number(row.containers)).toBeGreaterThanOrEqual(0);
      const model = state.model.get(key(row.lotId, row.locationId, row.containerId)) ?? { containers: 0, ml: 0, mg: 0 };
      expect([row.containers, row.ml, row.mg]).toEqual(fixed(model));
    }
    expect(db.length).toBe(state.model.size);
  }

  async function runStep(state: RunState, step: Step, index: number) {
    const planned = toTransaction(step, state);
    if (!planned) return;
    const headBefore = (await f.deps.repos.ledger.findHead(state.registrationId))!.seq;
    const parsed = planned.bypassSchema ? { success: true as const, data: planned.input } : transactionInputSchema.safeParse(planned.input);
    let outcome: { ok: true; entries: Parameters<typeof record>[1] } | { ok: false; code: string };
    if (!parsed.success) outcome = { ok: false, code: 'validation.failed' };
    else {
      try {
        const viaUseCase = !planned.needsWitness || index % 6 === 0;
        const entries = viaUseCase
          ? (await recordLedgerTransaction(state.registrationId, parsed.data, f.as.nurse, f.deps)).entries
          : await postWithVerifiedWitnesses(state.registrationId, parsed.data, f);
        outcome = { ok: true, entries };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome = { ok: false, code: error.code };
      }
    }
    const expected = planned.expect(state);
    if (outcome.ok) {
      expect({ step, result: 'accepted' }).toEqual({ step, result: expected.ok ? 'accepted' : expected.code });
      expect((await f.deps.repos.ledger.findHead(state.registrationId))!.seq).toBe(headBefore + outcome.entries.length);
      record(state, outcome.entries);
      if (step.t === 'correct') state.corrected.add(planned.targetId!);
    } else {
      expect({ step, result: outcome.code }).toEqual({ step, result: expected.ok ? 'accepted' : expected.code });
      expect((await f.deps.repos.ledger.findHead(state.registrationId))!.seq).toBe(headBefore);
    }
    await checkInvariants(state);
  }

  it('keeps every balance >= 0, equal to its lines and to the model; refusals write nothing', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary(), { minLength: 25, maxLength: 45 }), async (steps) => {
        const state = await freshRun();
        await checkInvariants(state);
        for (const [index, step] of steps.entries()) await runStep(state, step, index);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
