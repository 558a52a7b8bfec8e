import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.ts';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { type LedgerFixture, openLedgerFixture, receiptInput } from '../support/ledger-fixture.ts';
import { ENGINES } from '../support/test-database.ts';

/**
 * Issue 5, item 4 and Tests: two draws of the last millilitres, or two moves of the last sealed container, started
 * together on separate PostgreSQL connections: exactly one lands, the other is refused (ledger.insufficient_stock,
 * 409), no balance goes negative and the chain verifies. PGlite has one connection, so this runs on PostgreSQL only.
 */
const ROUNDS = 10;

function outcome(results: PromiseSettledResult<unknown>[]) {
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  return {
    fulfilled: fulfilled.length,
    refusals: refused.map((r) => (r.reason instanceof AppError ? `${r.reason.code} ${r.reason.status}` : String(r.reason))),
  };
}

describe.runIf(ENGINES.includes('postgres'))('concurrent ledger transactions on PostgreSQL', () => {
  let f: LedgerFixture;
  let lotId: string;

  beforeAll(async () => {
    f = await openLedgerFixture('postgres', { poolSize: 6 });
    await f.record(receiptInput(f.safeId, 'RACE-VIALS', ROUNDS));
    lotId = (await f.deps.repos.ledger.listLots(f.registrationId)).find((l) => l.lotNumber === 'RACE-VIALS')!.id;
  });
  afterAll(async () => f?.close());

  const expectNothingNegativeAndVerified = async () => {
    for (const balance of await f.deps.repos.ledger.listAllBalances(f.registrationId)) {
      expect(Number(balance.containers)).toBeGreaterThanOrEqual(0);
      expect(Number(balance.ml)).toBeGreaterThanOrEqual(0);
      expect(Number(balance.mg)).toBeGreaterThanOrEqual(0);
    }
    expect(await verifyLedger(f.deps, { registrationId: f.registrationId })).toMatchObject({ ok: true, balanceMismatches: [] });
  };

  it(`two administrations of the last 2 mL of a vial: one succeeds, one is refused (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const opened = await f.record({ kind: 'open_container', lotId, locationId: f.safeId });
      const containerId = opened.entries[0]!.lines.find((l) => l.containerId)!.containerId!;
      await f.record({ kind: 'administration', patientId: f.patientId, source: { containerId }, administered: { value: 8, unit: 'mL' } });
      const headBefore = (await f.deps.repos.ledger.findHead(f.registrationId))!.seq;
      const draw = {
        kind: 'administration',
        patientId: f.patientId,
        source: { containerId },
        administered: { value: 2, unit: 'mL' },
      } as const;
      const results = await Promise.allSettled([f.record(draw, 'nurse'), f.record(draw, 'physician')]);
      expect({ round, ...outcome(results) }).toEqual({ round, fulfilled: 1, refusals: ['ledger.insufficient_stock 409'] });
      const balance = await f.deps.repos.ledger.findBalance(lotId, f.safeId, containerId);
      expect(balance).toMatchObject({ containers: '0.0000', ml: '0.000', mg: '0.000' });
      expect((await f.deps.repos.ledger.findHead(f.registrationId))!.seq).toBe(headBefore + 1);
      await expectNothingNegativeAndVerified();
    }
  });

  it(`two moves of the last sealed container: one succeeds, one is refused (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await f.record(receiptInput(f.safeId, `RACE-LAST-${round}`, 1));
      const lastLotId = (await f.deps.repos.ledger.listLots(f.registrationId)).find((l) => l.lotNumber === `RACE-LAST-${round}`)!.id;
      const move = { kind: 'move', lotId: lastLotId, fromLocationId: f.safeId, toLocationId: f.cabinetId, containers: 1 } as const;
      const results = await Promise.allSettled([f.record(move, 'nurse'), f.record(move, 'admin')]);
      expect({ round, ...outcome(results) }).toEqual({ round, fulfilled: 1, refusals: ['ledger.insufficient_stock 409'] });
      expect(await f.deps.repos.ledger.findBalance(lastLotId, f.safeId, '')).toMatchObject({ containers: '0.0000' });
      expect(await f.deps.repos.ledger.findBalance(lastLotId, f.cabinetId, '')).toMatchObject({ containers: '1.0000', ml: '10.000' });
      await expectNothingNegativeAndVerified();
    }
  });
});
