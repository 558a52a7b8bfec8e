import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-organization.ts';
import { computeLossDeadlines } from '../../src/domain/ledger/loss-deadlines.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Entry = { id: string; kind: string; occurredAt: string; details: Record<string, unknown> };
type CountLine = {
  lineNo: number;
  containerId: string | null;
  bookMl: number;
  countedMl: number;
  differenceMl: number;
  discrepancy: boolean;
};
type Count = {
  id: string;
  entryId: string;
  countKind: string;
  secondCounter: { name: string; role: string };
  countedBy: { name: string };
  lines: (CountLine & { locationName: string; lotNumber: string })[];
  discrepancies: number;
};
type Discrepancy = {
  countEntryId: string;
  lineNo: number;
  differenceMl: number;
  status: string;
  actions: { action: string; secondSigner: { role: string } | null }[];
};
type Task = { lossEntryId: string; task: string; dueAt: string; status: string; reference: string | null };
type Difference = { type: string; severity: string; entryIds: string[] };
type Reconciliation = {
  differences: Difference[];
  counts: { lines: { status: string }[] }[];
  administrations: { entryId: string; patient: { name: string } | null; administeredMg: number; wasteEntryIds: string[] }[];
};
type ErrorBody = { error: { code: string; details: { issues?: { path: string; containerId?: string | null }[] } } };

const PHYSICIAN = { email: 'physician@demo.clinic', password: DEMO_PASSWORD };
const NURSE = { email: 'nurse@demo.clinic', password: DEMO_PASSWORD };
const SUPPLIER = { name: 'Synthetic Wholesale Inc.', address: '1 Depot Road, Springfield', deaNumber: 'RS1234563' };

/** Check digits: (d1+d3+d5) + 2*(d2+d4+d6) ends in the 7th digit (8+4+0+2*(6+2+1)=30; 9+5+1+2*(7+3+2)=39). */
const DEA_NUMBER = { pglite: 'AC8642010', postgres: 'AC9753129' } as const;

describe.each(ENGINES)('ledger counts, discrepancies, loss tasks and reconciliation on %s', (engine) => {
  let server: TestServer;
  const as: Record<'admin' | 'physician' | 'nurse' | 'frontdesk', TestClient> = {} as never;
  let registrationId: string;
  let clinicId: string;
  let patientId: string;
  let safeId: string;
  let cabinetId: string;
  let lotId: string;
  let containerId: string;
  let inventoryCountId: string;
  const path = (suffix: string) => `/api/ledger/registrations/${registrationId}${suffix}`;
  const transact = async (body: Record<string, unknown>, client = as.nurse) => {
    const res = await client.post<{ entries: Entry[] } & ErrorBody>(path('/transactions'), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.entries;
  };
  const headSeq = async () => (await as.nurse.get<{ head: { seq: number } | null }>(path('/stock'))).body.head?.seq ?? 0;
  const count = (body: Record<string, unknown>, client = as.nurse) =>
    client.post<Count & ErrorBody>(path('/counts'), { countKind: 'shift', secondCounter: PHYSICIAN, ...body });
  const sealed = (locationId: string, countedContainers: number) => ({ lotId, locationId, containerId: null, countedContainers });
  const reconcile = (from: string, client = as.nurse) =>
    client.get<Reconciliation & ErrorBody>(
      path(`/reconciliation?from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date().toISOString())}`),
    );

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk'] as const) {
      as[name] = createClient(server.url);
      expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
    }
    const created = await as.admin.post<{ id: string; clinicId: string }>('/api/ledger/registrations', {
      deaNumber: DEA_NUMBER[engine],
      registrantName: 'Synthetic Count Clinic',
      address: '20 Count Street',
      expiresOn: '2099-12-31',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    registrationId = created.body.id;
    clinicId = created.body.clinicId;
    safeId = (await as.admin.post<{ id: string }>(path('/locations'), { name: 'Main safe' })).body.id;
    cabinetId = (await as.admin.post<{ id: string }>(path('/locations'), { name: 'Infusion cabinet' })).body.id;
    patientId = (
      await as.nurse.post<{ id: string }>('/api/patients', {
        demographics: { mrn: `COUNT-${engine}`, givenName: 'Count', familyName: 'Patient', birthDate: '1979-04-05', sex: 'male' },
      })
    ).body.id;
    await transact({
      kind: 'receipt',
      locationId: safeId,
      productId: 'ketamine-10-mg-ml',
      lotNumber: 'C-100',
      expiresOn: '2099-06-30',
      containerVolumeMl: 10,
      containers: 5,
      supplier: SUPPLIER,
      invoiceNumber: 'INV-C1',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    const stock = await as.nurse.get<{ lots: { id: string; lotNumber: string }[] }>(path('/stock'));
    lotId = stock.body.lots.find((l) => l.lotNumber === 'C-100')!.id;
  });
  afterAll(async () => server?.close());

  it('reconciles a clean sequence (administration, witnessed waste, matching count) with no differences', async () => {
    const posted = await transact({
      kind: 'administration',
      patientId,
      source: { lotId, locationId: safeId },
      administered: { value: 35, unit: 'mg' },
      wasted: { value: 6.5, unit: 'mL' },
      witnesses: [PHYSICIAN],
    });
    const from = posted[0]!.occurredAt;
    const matching = await count({ lines: [sealed(safeId, 4)] });
    expect(matching.status, JSON.stringify(matching.body)).toBe(201);
    expect(matching.body.discrepancies).toBe(0);
    const res = await reconcile(from);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.differences).toEqual([]);
    expect(res.body.counts[0]!.lines.map((l) => l.status)).toEqual(['matches']);
    const [administration] = res.body.administrations;
    expect(administration).toMatchObject({ entryId: posted[1]!.id, administeredMg: 35, patient: { name: 'Count Patient' } });
    expect(administration!.wasteEntryIds).toEqual([posted[2]!.id]);
    expect((await reconcile(from, as.admin)).body.administrations[0]!.patient).toBeNull();
  });

  it('records a count by two people with exact mL for an opened vial', async () => {
    containerId = (await transact({ kind: 'open_container', lotId, locationId: safeId }))[0]!.details.containerId as string;
    const res = await count({
      note: 'end of shift',
      countedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      lines: [sealed(safeId, 3), { lotId, locationId: safeId, containerId, countedMl: 10 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.countedBy.name).not.toBe('');
    expect(res.body.secondCounter).toMatchObject({ role: 'physician' });
    expect(res.body.lines.map((l) => [l.containerId, l.bookMl, l.countedMl, l.differenceMl])).toEqual([
      [null, 30, 30, 0],
      [containerId, 10, 10, 0],
    ]);
    expect(res.body.lines[0]).toMatchObject({ locationName: 'Main safe', lotNumber: 'C-100' });
    const list = await as.admin.get<{ items: Count[] }>(path('/counts'));
    expect(list.body.items.map((c) => c.id)).toEqual([res.body.id, expect.any(String)]);
    const one = await as.physician.get<Count>(path(`/counts/${res.body.entryId}`));
    expect(one.body).toEqual(res.body);
  });

  it('refuses the counter as second counter, a count missing a bucket, an inventory without opening/close, and writes nothing', async () => {
    const before = await headSeq();
    const lines = [sealed(safeId, 3), { lotId, locationId: safeId, containerId, countedMl: 10 }];
    const self = await count({ secondCounter: NURSE, lines });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('ledger.witness_same_person');
    const missing = await count({ lines: [sealed(safeId, 3)] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('ledger.count_incomplete');
    expect(missing.body.error.details.issues!.map((i) => i.containerId)).toEqual([containerId]);
    const inventory = await count({ countKind: 'biennial_inventory', lines });
    expect(inventory.status).toBe(400);
    expect(inventory.body.error.details.issues!.map((i) => i.path)).toContain('body.timeOfDay');
    const old = await count({ countedAt: '2020-01-01T00:00:00Z', lines });
    expect(old.status).toBe(400);
    expect(old.body.error).toMatchObject({ code: 'validation.failed', details: { issues: [{ path: 'countedAt' }] } });
    const oneRoomInventory = await count({ countKind: 'biennial_inventory', timeOfDay: 'close', locationId: safeId, lines });
    expect(oneRoomInventory.status).toBe(400);
    expect(oneRoomInventory.body.error.details.issues!.map((i) => i.path)).toEqual(['body.locationId']);
    const mlOnSealed = await count({ lines: [{ lotId, locationId: safeId, containerId: null, countedMl: 30 }, lines[1]] });
    expect(mlOnSealed.status).toBe(400);
    expect((await count({ lines }, as.frontdesk)).status).toBe(404);
    expect(await headSeq()).toBe(before);
  });

  it('keeps a found vial with book 0 in an initial inventory, and counts one location on its own', async () => {
    const inventory = await count({
      countKind: 'initial_inventory',
      timeOfDay: 'opening',
      lines: [sealed(safeId, 3), { lotId, locationId: safeId, containerId, countedMl: 10 }, sealed(cabinetId, 1)],
    });
    expect(inventory.status, JSON.stringify(inventory.body)).toBe(201);
    expect(inventory.body).toMatchObject({ countKind: 'initial_inventory', timeOfDay: 'opening', discrepancies: 1 });
    inventoryCountId = inventory.body.id;
    expect(inventory.body.lines[2]).toMatchObject({ locationName: 'Infusion cabinet', bookMl: 0, countedMl: 10, differenceMl: 10 });
    const safeOnly = await count({ locationId: safeId, lines: [sealed(safeId, 3)] });
    expect(safeOnly.body.error.code).toBe('ledger.count_incomplete');
    const cabinetOnly = await count({ locationId: cabinetId, lines: [] }, as.admin);
    expect(cabinetOnly.status, JSON.stringify(cabinetOnly.body)).toBe(201);
    expect(cabinetOnly.body.lines).toEqual([]);
  });

  it('resolves a discrepancy by a correction of the mistaken entry, once', async () => {
    const [move] = await transact({ kind: 'move', lotId, fromLocationId: safeId, toLocationId: cabinetId, containers: 1 });
    const counted = await count({
      lines: [sealed(safeId, 3), sealed(cabinetId, 0), { lotId, locationId: safeId, containerId, countedMl: 10 }],
    });
    expect(counted.body.discrepancies).toBe(2);
    const open = (await as.nurse.get<{ items: Discrepancy[] }>(path('/discrepancies'))).body.items.filter(
      (d) => d.countEntryId === counted.body.id,
    );
    expect(open.map((d) => [d.lineNo, d.differenceMl, d.status])).toEqual([
      [1, 10, 'open'],
      [2, -10, 'open'],
    ]);
    const act = (lineNo: number, body: Record<string, unknown>, client = as.nurse) =>
      client.post<Discrepancy & ErrorBody>(path(`/discrepancies/${counted.body.id}/${lineNo}/actions`), body);
    expect((await act(1, { action: 'investigating', note: 'checking the move log' })).body.status).toBe('investigating');
    const before = await headSeq();
    const notACorrection = await act(1, { action: 'resolved_by_correction', note: 'x', correctionEntryId: move!.id });
    expect(notACorrection.body.error.code).toBe('ledger.discrepancy_link_invalid');
    expect((await act(1, { action: 'resolved_by_correction', note: 'no correction named' })).status).toBe(400);
    expect((await act(9, { action: 'resolved_no_change', note: 'x', secondSigner: PHYSICIAN })).status).toBe(404);
    expect(await headSeq()).toBe(before);
    const [correction] = await transact({
      kind: 'correction',
      reversesEntryId: move!.id,
      reason: 'vial never moved',
      secondSigner: PHYSICIAN,
    });
    for (const lineNo of [1, 2]) {
      const resolved = await act(
        lineNo,
        { action: 'resolved_by_correction', note: 'move reversed', correctionEntryId: correction!.id },
        as.admin,
      );
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
      expect(resolved.body.status).toBe('resolved');
    }
    const sameStockAgain = await as.nurse.post<ErrorBody>(path(`/discrepancies/${inventoryCountId}/3/actions`), {
      action: 'resolved_by_correction',
      note: 'the same reversed move',
      correctionEntryId: correction!.id,
    });
    expect(sameStockAgain.status).toBe(400);
    expect(sameStockAgain.body.error).toMatchObject({
      code: 'ledger.discrepancy_link_invalid',
      details: { issues: [{ path: 'correctionEntryId' }] },
    });
    const again = await act(1, { action: 'resolved_no_change', note: 'again', secondSigner: PHYSICIAN });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ledger.discrepancy_resolved');
  });

  it('reports a discrepancy as a loss with its two DEA tasks due on time, and completes one', async () => {
    const counted = await count({ lines: [sealed(safeId, 2), { lotId, locationId: safeId, containerId, countedMl: 10 }] });
    expect(counted.status, JSON.stringify(counted.body)).toBe(201);
    expect(counted.body.lines[0]!.differenceMl).toBe(-10);
    const discoveredAt = new Date().toISOString();
    const [loss] = await transact({
      kind: 'loss',
      source: { lotId, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      lossType: 'loss',
      significant: true,
      discoveredAt,
      description: 'one sealed vial missing at the shift count',
    });
    const reported = await as.physician.post<Discrepancy>(path(`/discrepancies/${counted.body.id}/1/actions`), {
      action: 'reported_as_loss',
      note: 'reported to the DEA',
      lossEntryId: loss!.id,
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    expect(reported.body.status).toBe('resolved');

    const clinic = await server.deps.repos.organization.findClinic(clinicId);
    const deadlines = computeLossDeadlines(discoveredAt, clinic!.timeZone);
    const tasks = async () => (await as.nurse.get<{ items: Task[] }>(path('/tasks'))).body.items.filter((t) => t.lossEntryId === loss!.id);
    expect((await tasks()).map((t) => [t.task, t.dueAt, t.status])).toEqual([
      ['dea_notice_1_business_day', deadlines.deaNoticeDueAt, 'open'],
      ['form_106_45_days', deadlines.form106DueAt, 'open'],
    ]);
    const complete = () =>
      as.nurse.post<Task & ErrorBody>(path(`/tasks/${loss!.id}/dea_notice_1_business_day/completion`), {
        note: 'faxed to the field division',
        reference: 'FD-2026-001',
      });
    const done = await complete();
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ status: 'done', reference: 'FD-2026-001' });
    const twice = await complete();
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ledger.task_already_done');
    expect((await tasks()).map((t) => t.status)).toEqual(['done', 'open']);
    expect((await as.frontdesk.get(path('/tasks'))).status).toBe(404);
  });

  it('drops the tasks of a theft reversed by a correction', async () => {
    const [theft] = await transact({
      kind: 'loss',
      source: { lotId, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      lossType: 'theft',
      significant: false,
      discoveredAt: new Date().toISOString(),
      description: 'recorded against the wrong registration',
    });
    const ids = async () => (await as.nurse.get<{ items: Task[] }>(path('/tasks'))).body.items.map((t) => t.lossEntryId);
    expect(await ids()).toContain(theft!.id);
    await transact({ kind: 'correction', reversesEntryId: theft!.id, reason: 'entered in error', secondSigner: PHYSICIAN });
    expect(await ids()).not.toContain(theft!.id);
  });

  it('lists an administration from an opened vial whose remainder was not wasted', async () => {
    const [administration] = await transact({
      kind: 'administration',
      patientId,
      source: { containerId },
      administered: { value: 2.5, unit: 'mL' },
    });
    const res = await reconcile(administration!.occurredAt);
    expect(res.status).toBe(200);
    expect(res.body.differences.map((d) => [d.type, d.severity, d.entryIds])).toEqual([
      ['remainder_not_wasted', 'warning', [administration!.id]],
    ]);
    expect(res.body.administrations.map((a) => a.administeredMg)).toEqual([25]);
    const badRange = await as.nurse.get<ErrorBody>(path('/reconciliation?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z'));
    expect(badRange.status).toBe(400);
  });

  it('links a resolution only to an entry on the same stock after the count, or closes it with no entry by two people', async () => {
    const [receipt] = await transact({
      kind: 'receipt',
      locationId: cabinetId,
      productId: 'ketamine-10-mg-ml',
      lotNumber: 'C-200',
      expiresOn: '2099-06-30',
      containerVolumeMl: 10,
      containers: 1,
      supplier: SUPPLIER,
      invoiceNumber: 'INV-C2',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    const [otherLot] = await transact({
      kind: 'correction',
      reversesEntryId: receipt!.id,
      reason: 'wrong invoice',
      secondSigner: PHYSICIAN,
    });
    const [earlyLoss] = await transact({
      kind: 'loss',
      source: { lotId, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      lossType: 'loss',
      significant: false,
      discoveredAt: new Date().toISOString(),
      description: 'recorded before the count',
    });
    const [early] = await transact({ kind: 'correction', reversesEntryId: earlyLoss!.id, reason: 'vial found', secondSigner: PHYSICIAN });
    const counted = await count({ lines: [sealed(safeId, 1), { lotId, locationId: safeId, containerId, countedMl: 7.5 }] });
    expect(counted.status, JSON.stringify(counted.body)).toBe(201);
    expect(counted.body.lines.map((l) => l.differenceMl)).toEqual([-10, 0]);
    const act = (body: Record<string, unknown>) =>
      as.nurse.post<Discrepancy & ErrorBody>(path(`/discrepancies/${counted.body.id}/1/actions`), body);
    const before = await headSeq();
    const refusals = [
      [{ action: 'resolved_by_correction', note: 'x', correctionEntryId: otherLot!.id }, 'correctionEntryId'],
      [{ action: 'resolved_by_correction', note: 'x', correctionEntryId: early!.id }, 'correctionEntryId'],
      [{ action: 'reported_as_loss', note: 'x', lossEntryId: earlyLoss!.id }, 'lossEntryId'],
    ] as const;
    for (const [body, field] of refusals) {
      const res = await act(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'ledger.discrepancy_link_invalid', details: { issues: [{ path: field }] } });
    }
    const unsigned = await act({ action: 'resolved_no_change', note: 'recount found it' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.details.issues!.map((i) => i.path)).toEqual(['body.secondSigner']);
    const selfSigned = await act({ action: 'resolved_no_change', note: 'recount found it', secondSigner: NURSE });
    expect(selfSigned.body.error.code).toBe('ledger.witness_same_person');
    expect(await headSeq()).toBe(before);
    const resolved = await act({
      action: 'resolved_no_change',
      note: 'Recount found 2 sealed vials: the counter mis-keyed 1.',
      secondSigner: PHYSICIAN,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.actions.map((a) => [a.action, a.secondSigner?.role])).toEqual([['resolved_no_change', 'physician']]);
  });
});
