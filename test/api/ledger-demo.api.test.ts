import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/app/ledger/ledger-verify.usecases.ts';
import { buildDemoLedgerStories, DEMO_LEDGER_LOCATIONS, simulateDemoLedger } from '../../src/domain/demo/demo-ledger.ts';
import { DEMO_CLINICS } from '../../src/domain/demo/demo-organization.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Amount = { containers: number; ml: number; mg: number };
type Registration = {
  id: string;
  deaNumber: string;
  registrantName: string;
  expiryStatus: string;
  daysToExpiry: number;
  locations: { id: string; name: string }[];
};
type Stock = {
  lots: { id: string; productId: string }[];
  balances: { lotId: string; locationId: string; containerId: string | null; openedAt: string | null; amount: Amount }[];
};
type Entry = {
  id: string;
  seq: number;
  kind: string;
  occurredAt: string;
  patient: { id: string; name: string } | null;
  details: Record<string, unknown>;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
};
type CountLine = { containerId: string | null; differenceMl: number };

// The seed ran in the test run's global setup, moments ago: the story's quantities do not depend on the date.
const STORIES = buildDemoLedgerStories(new Date());

describe.each(ENGINES)('demo ledger seeded by seed-demo on %s', (engine) => {
  let server: TestServer;
  let nurse: TestClient;
  let clinicIds: string[];

  beforeAll(async () => {
    server = await startTestServer({ engine });
    nurse = createClient(server.url);
    expect((await nurse.login('nurse@demo.clinic')).status).toBe(200);
    const me = await nurse.get<{ clinics: { id: string; name: string }[] }>('/api/me');
    clinicIds = DEMO_CLINICS.map((clinic) => me.body.clinics.find((c) => c.name === clinic.name)!.id);
  });
  afterAll(async () => server?.close());

  /** The registration, stock and entries of one demo clinic, read as the nurse with that clinic active. */
  async function readClinic(clinicIndex: 0 | 1) {
    expect((await nurse.put('/api/me/active-clinic', { clinicId: clinicIds[clinicIndex] })).status).toBe(200);
    const list = await nurse.get<{ items: Registration[] }>('/api/ledger/registrations');
    expect(list.status).toBe(200);
    const registration = list.body.items.find((r) => r.deaNumber === STORIES[clinicIndex].registration.deaNumber)!;
    const base = `/api/ledger/registrations/${registration.id}`;
    const stock = (await nurse.get<Stock>(`${base}/stock`)).body;
    const entries = (await nurse.get<{ items: Entry[]; total: number }>(`${base}/entries?limit=500`)).body;
    expect(entries.items).toHaveLength(entries.total);
    return { registration, stock, entries: [...entries.items].reverse(), base };
  }

  it.each([0, 1] as const)('lists clinic %i registration under the clinic name, with a main safe and a lockbox', async (clinicIndex) => {
    const { registration } = await readClinic(clinicIndex);
    expect(registration.registrantName).toBe(DEMO_CLINICS[clinicIndex].name);
    expect(registration.locations.map((l) => l.name).sort()).toEqual(Object.values(DEMO_LEDGER_LOCATIONS).sort());
    expect(registration.expiryStatus).toBe(clinicIndex === 0 ? 'ok' : 'expiring');
    if (clinicIndex === 0) expect(registration.daysToExpiry).toBeGreaterThan(365);
    else expect(registration.daysToExpiry).toBeLessThanOrEqual(60);
  });

  it.each([0, 1] as const)('holds in clinic %i exactly the balances the story ends with', async (clinicIndex) => {
    const { registration, stock } = await readClinic(clinicIndex);
    const story = STORIES[clinicIndex];
    const productOfLot = new Map(stock.lots.map((l) => [l.id, l.productId]));
    const locationName = new Map(registration.locations.map((l) => [l.id, l.name]));
    const key = (productId: string, location: string, opened: boolean) => `${productId} @ ${location}${opened ? ' (opened)' : ''}`;
    const actual = stock.balances.map((b) => [
      key(productOfLot.get(b.lotId)!, locationName.get(b.locationId)!, b.containerId !== null),
      b.amount,
    ]);
    const expected = simulateDemoLedger(story).map((b) => [
      key(story.lots.find((l) => l.key === b.lot)!.productId, DEMO_LEDGER_LOCATIONS[b.location], b.container !== null),
      b.amount,
    ]);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(actual).toHaveLength(expected.length);
    const opened = stock.balances.filter((b) => b.containerId !== null);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((b) => b.amount.ml > 0 && b.openedAt !== null)).toBe(true);
    for (const location of registration.locations) {
      expect(stock.balances.some((b) => b.locationId === location.id && b.containerId === null && b.amount.containers > 0)).toBe(true);
    }
  });

  it.each([0, 1] as const)(
    'records in clinic %i receipts, moves, administrations, witnessed waste, counts and a correction',
    async (clinicIndex) => {
      const { entries } = await readClinic(clinicIndex);
      const kinds = new Set(entries.map((e) => e.kind));
      for (const kind of [
        'registration_expiry',
        'receipt',
        'move',
        'open_container',
        'administration',
        'waste',
        'count',
        'discrepancy_action',
        'correction',
      ]) {
        expect(kinds, kind).toContain(kind);
      }
      const receipt = entries.find((e) => e.kind === 'receipt')!;
      expect(receipt.details).toMatchObject({ supplier: STORIES[clinicIndex].supplier, invoiceNumber: expect.any(String) });
      const waste = entries.find((e) => e.kind === 'waste')!;
      expect(waste.details.witnesses).toEqual([expect.objectContaining({ role: 'physician' })]);
      const administered = entries.filter((e) => e.kind === 'administration');
      expect(administered.every((e) => e.patient !== null && e.patient.name.length > 0)).toBe(true);
      expect(entries.every((e) => Date.parse(e.occurredAt) < Date.now())).toBe(true);
    },
  );

  it.each([0, 1] as const)(
    'finds a 0.2 mL discrepancy in clinic %i, resolved by a correction and a clean close count',
    async (clinicIndex) => {
      const { entries, base } = await readClinic(clinicIndex);
      const [opening, close] = entries.filter((e) => e.kind === 'count') as [Entry, Entry];
      const differences = (count: Entry) => (count.details.lines as CountLine[]).filter((l) => l.differenceMl !== 0);
      expect(differences(opening)).toEqual([expect.objectContaining({ differenceMl: -0.2, containerId: expect.any(String) })]);
      expect(differences(close)).toEqual([]);
      expect(close.seq).toBe(Math.max(...entries.map((e) => e.seq)));
      const correction = entries.find((e) => e.kind === 'correction')!;
      const reversed = entries.find((e) => e.id === correction.reversesEntryId)!;
      expect(reversed.kind).toBe('administration');
      expect(reversed.reversedByEntryId).toBe(correction.id);
      expect(correction.details.secondSigner).toMatchObject({ role: 'physician' });
      const action = entries.find((e) => e.kind === 'discrepancy_action')!;
      expect(action.details).toMatchObject({
        countEntryId: opening.id,
        action: 'resolved_by_correction',
        correctionEntryId: correction.id,
      });
      const discrepancies = await nurse.get<{ items: { countEntryId: string; differenceMl: number; status: string }[] }>(
        `${base}/discrepancies`,
      );
      expect(discrepancies.body.items).toEqual([
        expect.objectContaining({ countEntryId: opening.id, differenceMl: -0.2, status: 'resolved' }),
      ]);
    },
  );

  it('seeds chains that verify against their heads and balances that equal the sum of their lines', async () => {
    const result = await verifyLedger(server.deps);
    expect(result.registrations.map((r) => r.deaNumber).sort()).toEqual(STORIES.map((s) => s.registration.deaNumber).sort());
    expect(result.ok, JSON.stringify(result.firstBreak ?? result.balanceMismatches)).toBe(true);
  });
});
