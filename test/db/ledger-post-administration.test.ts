import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/app/deps.ts';
import { postAdministration } from '../../src/app/ledger/ledger-transactions.usecases.ts';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { type LedgerFixture, openLedgerFixture } from '../support/ledger-fixture.ts';

/**
 * Treatment sessions will chart a dose and post it to the ledger in one database transaction (issue 5, item 3):
 * postAdministration runs inside the caller's transaction, so a session that fails takes its ledger entries with it.
 */
describe('postAdministration inside a caller transaction (PGlite)', () => {
  let fixture: LedgerFixture;
  beforeAll(async () => {
    fixture = await openLedgerFixture('pglite');
  });
  afterAll(async () => fixture?.close());

  const lotId = async () => (await fixture.deps.repos.ledger.listLots(fixture.registrationId))[0]!.id;
  const headSeq = async () => (await fixture.deps.repos.ledger.findHead(fixture.registrationId))!.seq;
  const input = async () => ({
    kind: 'administration' as const,
    registrationId: fixture.registrationId,
    actorId: fixture.as.nurse.actor.userId,
    witnesses: [],
    patientId: fixture.patientId,
    source: { lotId: await lotId(), locationId: fixture.safeId },
    administered: { value: 25, unit: 'mg' as const },
  });

  it('leaves no trace when the caller transaction fails after posting', async () => {
    const before = await headSeq();
    const administration = await input(); // read before the transaction: PGlite has one connection
    const failing = inTransaction(fixture.deps, async (repos) => {
      const posted = await postAdministration(repos, fixture.deps, administration);
      expect(posted.map((e) => e.kind)).toEqual(['open_container', 'administration']);
      throw new Error('the session could not be charted');
    });
    await expect(failing).rejects.toThrow('the session could not be charted');
    expect(await headSeq()).toBe(before);
    expect((await verifyLedger(fixture.deps)).ok).toBe(true);
  });

  it('posts the opening and the administration with the caller transaction when it commits', async () => {
    const before = await headSeq();
    const administration = await input();
    await inTransaction(fixture.deps, async (repos) => postAdministration(repos, fixture.deps, administration));
    expect(await headSeq()).toBe(before + 2);
    const opened = (await fixture.deps.repos.ledger.listBalances(fixture.registrationId)).filter((b) => b.containerId !== '');
    expect(opened.map((b) => [b.ml, b.mg])).toEqual([['7.500', '75.000']]);
    expect((await verifyLedger(fixture.deps)).ok).toBe(true);
  });
});
