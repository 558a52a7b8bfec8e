import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { registerLedgerCommands } from '../../src/cli/ledger.command.ts';
import { rowsOf } from '../../src/db/database.ts';
import { runCli } from '../support/cli-io.ts';
import {
  databaseError,
  FIXTURE_DEA_NUMBER,
  type LedgerFixture,
  openLedgerFixture,
  tamperBehindTheAppsBack,
  WITNESS_PHYSICIAN,
} from '../support/ledger-fixture.ts';
import { ENGINES, type Engine } from '../support/test-database.ts';

/**
 * Issue 5, item 4 and Tests: the database refuses UPDATE, DELETE and TRUNCATE of ledger rows; rows altered, removed or
 * reordered behind the app's back are found by `verifyLedger` / `ketaclinic ledger verify`, naming seq, entry and reason.
 */
interface Seeded {
  fixture: LedgerFixture;
  /** Entry id by seq: 1 expiry, 2 receipt, 3 open vial, 4 administration, 5 move, 6 waste. */
  ids: Map<number, string>;
  containerId: string;
}

async function seed(engine: Engine): Promise<Seeded> {
  const fixture = await openLedgerFixture(engine);
  const lotId = (await fixture.deps.repos.ledger.listLots(fixture.registrationId))[0]!.id;
  const { safeId, cabinetId, patientId } = fixture;
  const opened = await fixture.record({ kind: 'open_container', lotId, locationId: safeId });
  const containerId = opened.entries[0]!.lines.find((l) => l.containerId)!.containerId!;
  const administered = { value: 3, unit: 'mL' } as const;
  await fixture.record({ kind: 'administration', patientId, source: { containerId }, administered });
  await fixture.record({ kind: 'move', lotId, fromLocationId: safeId, toLocationId: cabinetId, containers: 1 });
  const quantity = { value: 1, unit: 'mL' } as const;
  await fixture.record({ kind: 'waste', containerId, quantity, reason: 'contaminated', witnesses: [WITNESS_PHYSICIAN] });
  const rows = rowsOf<{ seq: string | number; id: string }>(
    await fixture.deps.db.execute(sql`select seq, id from ledger_entries where registration_id = ${fixture.registrationId}`),
  );
  return { fixture, ids: new Map(rows.map((r) => [Number(r.seq), r.id])), containerId };
}

const verify = (s: Seeded) => verifyLedger(s.fixture.deps, { registrationId: s.fixture.registrationId });

describe.each(ENGINES)('ledger tables refuse changes on %s', (engine) => {
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    seeded = await seed(engine);
  });
  afterAll(async () => seeded?.fixture.close());

  const snapshot = async () =>
    rowsOf(
      await seeded!.fixture.deps.db.execute(
        sql`select e.seq, e.id, e.details_json, encode(e.hash, 'hex') as hash, l.line_no, l.delta_ml::text as delta_ml
            from ledger_entries e left join ledger_lines l on l.entry_id = e.id order by e.seq, l.line_no`,
      ),
    );

  it.each([
    ['ledger_entries', 'UPDATE', sql`update ledger_entries set details_json = '{}'`],
    ['ledger_entries', 'DELETE', sql`delete from ledger_entries where seq = 2`],
    ['ledger_entries', 'TRUNCATE', sql`truncate ledger_entries cascade`],
    ['ledger_lines', 'UPDATE', sql`update ledger_lines set delta_ml = 0`],
    ['ledger_lines', 'DELETE', sql`delete from ledger_lines`],
    ['ledger_lines', 'TRUNCATE', sql`truncate ledger_lines`],
    ['ledger_heads', 'DELETE', sql`delete from ledger_heads`],
    ['ledger_heads', 'TRUNCATE', sql`truncate ledger_heads`],
    ['ledger_balances', 'DELETE', sql`delete from ledger_balances`],
  ] as const)('the database refuses %s %s and nothing changes', async (table, operation, statement: SQL) => {
    const { deps } = seeded!.fixture;
    const before = await snapshot();
    expect(before.length).toBeGreaterThanOrEqual(6);
    const error = await databaseError(() => deps.db.execute(statement));
    expect(error.message).toContain(`append_only: ${operation} on ${table} is not allowed`);
    expect(error.code).toBe('42501');
    expect(await snapshot()).toEqual(before);
    expect((await verify(seeded!)).ok).toBe(true);
  });

  it('a ledger written through the use cases verifies, ending at the recorded head', async () => {
    const result = await verify(seeded!);
    expect(result).toEqual({
      ok: true,
      registrations: [{ registrationId: seeded!.fixture.registrationId, deaNumber: FIXTURE_DEA_NUMBER, entries: 6, headSeq: 6 }],
      firstBreak: null,
      balanceMismatches: [],
    });
  });
});

describe.each(ENGINES)('ledger verification after tampering on %s', (engine) => {
  let s: Seeded;
  beforeEach(async () => {
    s = await seed(engine);
  });
  afterEach(async () => s.fixture.close());

  const reg = () => s.fixture.registrationId;
  const id = (seq: number) => s.ids.get(seq)!;
  const expectBreak = async (seq: number, entryId: string | null, reason: string) => {
    const result = await verify(s);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toEqual({ registrationId: reg(), deaNumber: FIXTURE_DEA_NUMBER, seq, entryId, reason });
    return result;
  };

  it('names the seq and entry of an altered row (hash_mismatch)', async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`update ledger_entries set details_json = replace(details_json, 'INV-L-1', 'INV-FORGED') where id = ${id(2)}`,
    );
    const result = await expectBreak(2, id(2), 'hash_mismatch');
    expect(result.balanceMismatches).toEqual([]);
  });

  it('names the seq of a row removed from the middle and the entry found in its place (sequence_gap)', async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`delete from ledger_lines where entry_id = ${id(4)}`,
      sql`delete from ledger_entries where id = ${id(4)}`,
    );
    const result = await expectBreak(4, id(5), 'sequence_gap');
    // The administration's 3 mL draw is gone from the lines but not from the cached balance.
    expect(result.balanceMismatches).toEqual([
      expect.objectContaining({
        containerId: s.containerId,
        book: expect.objectContaining({ ml: '6.000' }),
        sumOfLines: expect.objectContaining({ ml: '9.000' }),
      }),
    ]);
  });

  it('detects the newest row removed by the head kept outside the chain (tail_missing)', async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`delete from ledger_lines where entry_id = ${id(6)}`,
      sql`delete from ledger_entries where id = ${id(6)}`,
    );
    await expectBreak(6, null, 'tail_missing');
  });

  it('names the first of two rows whose seq were swapped (hash_mismatch)', async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`update ledger_entries set seq = -1 where id = ${id(4)}`,
      sql`update ledger_entries set seq = 4 where id = ${id(5)}`,
      sql`update ledger_entries set seq = 5 where id = ${id(4)}`,
    );
    await expectBreak(4, id(5), 'hash_mismatch');
  });

  it("names the entry whose line's delta was altered, and the balance that no longer matches its lines", async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`update ledger_lines set delta_ml = -1.000, delta_mg = -10.000 where entry_id = ${id(4)}`,
    );
    const result = await expectBreak(4, id(4), 'hash_mismatch');
    expect(result.balanceMismatches).toEqual([
      {
        registrationId: reg(),
        lotId: expect.any(String),
        locationId: s.fixture.safeId,
        containerId: s.containerId,
        book: { containers: '0.6000', ml: '6.000', mg: '60.000' },
        sumOfLines: { containers: '0.6000', ml: '8.000', mg: '80.000' },
      },
    ]);
  });

  it('names the entry that gained or lost a line (hash_mismatch)', async () => {
    await tamperBehindTheAppsBack(
      s.fixture.deps,
      sql`insert into ledger_lines (entry_id, line_no, registration_id, lot_id, location_id, container_id, delta_containers, delta_ml, delta_mg)
          select entry_id, 2, registration_id, lot_id, location_id, container_id, delta_containers, delta_ml, delta_mg
          from ledger_lines where entry_id = ${id(6)}`,
      sql`delete from ledger_lines where entry_id = ${id(5)} and line_no = 2`,
    );
    await expectBreak(5, id(5), 'hash_mismatch');
  });

  it('detects an altered head (head_mismatch) and a balance row edited without any line (mismatch only)', async () => {
    await s.fixture.deps.db.execute(sql`update ledger_heads set seq = 5 where registration_id = ${reg()}`);
    await expectBreak(5, null, 'head_mismatch');
    await s.fixture.deps.db.execute(sql`update ledger_heads set seq = 6 where registration_id = ${reg()}`);
    await s.fixture.deps.db.execute(sql`update ledger_balances set ml = ml + 1 where container_id = ${s.containerId}`);
    const result = await verify(s);
    expect(result).toMatchObject({ ok: false, firstBreak: null });
    expect(result.balanceMismatches).toHaveLength(1);
    expect(result.balanceMismatches[0]).toMatchObject({ book: { ml: '7.000' }, sumOfLines: { ml: '6.000' } });
  });

  it('ketaclinic ledger verify exits 1 naming the registration, seq, entry and reason', async () => {
    const deps = s.fixture.deps;
    const openDeps = <T>(work: (d: typeof deps) => Promise<T>) => work(deps);
    const intact = await runCli(
      (program, io) => registerLedgerCommands(program, io, openDeps),
      ['ledger', 'verify', '--registration', reg()],
    );
    expect(intact).toMatchObject({ code: 0, err: '' });
    expect(intact.out).toContain(`registration ${FIXTURE_DEA_NUMBER} (${reg()}): 6 entries, head 6\nledger verified\n`);

    await tamperBehindTheAppsBack(
      deps,
      sql`update ledger_entries set recorded_by = ${s.fixture.as.admin.actor.userId} where id = ${id(3)}`,
    );
    const broken = await runCli(
      (program, io) => registerLedgerCommands(program, io, openDeps),
      ['ledger', 'verify', '--registration', reg()],
    );
    expect(broken.code).toBe(1);
    expect(broken.out).not.toContain('ledger verified');
    expect(broken.err).toBe(
      `ketaclinic: ledger broken: first bad entry is registration ${FIXTURE_DEA_NUMBER} seq 3, entry ${id(3)} (hash_mismatch)\n`,
    );
  });
});
