import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-organization.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Amount = { containers: number; ml: number; mg: number };
type Registration = { id: string; clinicId: string; deaNumber: string; expiryStatus: string; locations: { id: string; name: string }[] };
type Entry = {
  id: string;
  seq: number;
  kind: string;
  patient: { name: string } | null;
  details: Record<string, unknown>;
  lines: { containerId: string | null; delta: Amount }[];
};
type Stock = {
  lots: { id: string; lotNumber: string }[];
  balances: { lotId: string; containerId: string | null; amount: Amount }[];
  head: { seq: number } | null;
};
type ErrorBody = { error: { code: string; details: { issues?: { path: string }[] } } };

const PHYSICIAN_WITNESS = { email: 'physician@demo.clinic', password: DEMO_PASSWORD };
const SUPPLIER = { name: 'Synthetic Wholesale Inc.', address: '1 Depot Road, Springfield', deaNumber: 'RS1234563' };
const RECEIPT_OF_BOTTLES = {
  kind: 'receipt',
  productId: 'ketamine-compounded-oral',
  lotNumber: 'C-1',
  expiresOn: '2099-06-30',
  containerVolumeMl: 30,
  concentrationMgPerMl: 50,
  containers: 2,
  supplier: SUPPLIER,
  invoiceNumber: 'INV-3',
  receivedOn: new Date().toISOString().slice(0, 10),
};

describe.each(ENGINES)('ledger API on %s', (engine) => {
  let server: TestServer;
  const as: Record<'admin' | 'physician' | 'nurse' | 'frontdesk', TestClient> = {} as never;
  let registration: Registration;
  let patientId: string;
  let safeId: string;
  let cabinetId: string;
  let lotId: string;
  const path = (suffix: string) => `/api/ledger/registrations/${registration.id}${suffix}`;
  const post = (client: TestClient, body: Record<string, unknown>) =>
    client.post<{ entries: Entry[] } & ErrorBody>(path('/transactions'), body);
  const stock = async () => (await as.nurse.get<Stock>(path('/stock'))).body;
  const sealedOf = async (lot: string, locationId: string) => {
    const s = await stock();
    return (
      (s.balances as (Stock['balances'][number] & { locationId: string })[]).find(
        (b) => b.lotId === lot && b.locationId === locationId && b.containerId === null,
      )?.amount ?? null
    );
  };

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk'] as const) {
      as[name] = createClient(server.url);
      expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
    }
    const created = await as.admin.post<Registration>('/api/ledger/registrations', {
      deaNumber: `BK${engine === 'pglite' ? '7654329' : '1111119'}`,
      registrantName: 'Synthetic Pain Clinic',
      address: '10 Test Street',
      expiresOn: '2099-12-31',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    registration = created.body;
    safeId = (await as.admin.post<{ id: string }>(path('/locations'), { name: 'Main safe' })).body.id;
    cabinetId = (await as.admin.post<{ id: string }>(path('/locations'), { name: 'Infusion room cabinet' })).body.id;
    patientId = (
      await as.nurse.post<{ id: string }>('/api/patients', {
        demographics: { mrn: `LEDGER-${engine}`, givenName: 'Ledger', familyName: 'Patient', birthDate: '1980-02-03', sex: 'female' },
      })
    ).body.id;
  });
  afterAll(async () => server?.close());

  it('refuses a DEA number with a bad check digit and writes nothing', async () => {
    const res = await as.admin.post<ErrorBody>('/api/ledger/registrations', {
      deaNumber: 'BK7654321',
      registrantName: 'X',
      address: 'Y',
      expiresOn: '2099-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ledger.dea_number_invalid');
    const list = await as.admin.get<{ items: Registration[] }>('/api/ledger/registrations');
    expect(list.body.items.map((r) => r.deaNumber)).not.toContain('BK7654321');
  });

  it('receives a shipment of 10 mL vials with the supplier registration and shows it in stock', async () => {
    const res = await post(as.nurse, {
      kind: 'receipt',
      locationId: safeId,
      productId: 'ketamine-10-mg-ml',
      lotNumber: 'L-100',
      expiresOn: '2099-06-30',
      containerVolumeMl: 10,
      containers: 5,
      supplier: SUPPLIER,
      invoiceNumber: 'INV-1',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    expect(res.status).toBe(201);
    expect(res.body.entries[0]!.lines[0]!.delta).toEqual({ containers: 5, ml: 50, mg: 500 });
    lotId = (await stock()).lots.find((l) => l.lotNumber === 'L-100')!.id;
    expect(await sealedOf(lotId, safeId)).toEqual({ containers: 5, ml: 50, mg: 500 });
  });

  it('refuses a receipt without the supplier registration, an expired lot, a zero quantity and a bad supplier DEA number', async () => {
    const base = {
      kind: 'receipt',
      locationId: safeId,
      productId: 'ketamine-10-mg-ml',
      lotNumber: 'L-BAD',
      containerVolumeMl: 10,
      invoiceNumber: 'I',
      receivedOn: new Date().toISOString().slice(0, 10),
    };
    const before = (await stock()).head!.seq;
    const noSupplierDea = await post(as.nurse, { ...base, expiresOn: '2099-01-01', containers: 1, supplier: { name: 'A', address: 'B' } });
    expect(noSupplierDea.status).toBe(400);
    expect(noSupplierDea.body.error.code).toBe('validation.failed');
    const expired = await post(as.nurse, { ...base, expiresOn: '2020-01-01', containers: 1, supplier: SUPPLIER });
    expect(expired.body.error.code).toBe('ledger.lot_expired');
    const zero = await post(as.nurse, { ...base, expiresOn: '2099-01-01', containers: 0, supplier: SUPPLIER });
    expect(zero.status).toBe(400);
    const badDea = await post(as.nurse, {
      ...base,
      expiresOn: '2099-01-01',
      containers: 1,
      supplier: { ...SUPPLIER, deaNumber: 'RS1234560' },
    });
    expect(badDea.body.error.code).toBe('ledger.dea_number_invalid');
    expect((await stock()).head!.seq).toBe(before);
  });

  it('administers from a newly opened vial and wastes the remainder with a witness, leaving the vial empty', async () => {
    const res = await post(as.nurse, {
      kind: 'administration',
      patientId,
      source: { lotId, locationId: safeId },
      administered: { value: 35, unit: 'mg' },
      wasted: { value: 6.5, unit: 'mL' },
      witnesses: [PHYSICIAN_WITNESS],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.entries.map((e) => e.kind)).toEqual(['open_container', 'administration', 'waste']);
    expect(res.body.entries[1]!.patient?.name).toBe('Ledger Patient');
    expect(res.body.entries[1]!.lines[0]!.delta).toEqual({ containers: -0.35, ml: -3.5, mg: -35 });
    expect(await sealedOf(lotId, safeId)).toEqual({ containers: 4, ml: 40, mg: 400 });
    expect((await stock()).balances.filter((b) => b.containerId !== null)).toEqual([]);
  });

  it('refuses a witness who is the recorder or gives a wrong password, and records nothing', async () => {
    const before = (await stock()).head!.seq;
    const base = {
      kind: 'breakage',
      source: { lotId, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      description: 'dropped',
    };
    const self = await post(as.nurse, { ...base, witnesses: [{ email: 'nurse@demo.clinic', password: DEMO_PASSWORD }] });
    expect(self.body.error.code).toBe('ledger.witness_same_person');
    const wrong = await post(as.nurse, { ...base, witnesses: [{ ...PHYSICIAN_WITNESS, password: 'not-the-password' }] });
    expect(wrong.body.error.code).toBe('ledger.witness_not_verified');
    // A front-desk colleague with the right password reads like a wrong password: the form is no password oracle.
    const frontDesk = await post(as.nurse, { ...base, witnesses: [{ email: 'frontdesk@demo.clinic', password: DEMO_PASSWORD }] });
    expect(frontDesk.body.error.code).toBe('ledger.witness_not_verified');
    expect((await stock()).head!.seq).toBe(before);
  });

  it('moves sealed vials between safes and refuses to move more than are there', async () => {
    const moved = await post(as.admin, { kind: 'move', lotId, fromLocationId: safeId, toLocationId: cabinetId, containers: 3 });
    expect(moved.status).toBe(201);
    expect(await sealedOf(lotId, cabinetId)).toEqual({ containers: 3, ml: 30, mg: 300 });
    const tooMany = await post(as.admin, { kind: 'move', lotId, fromLocationId: safeId, toLocationId: cabinetId, containers: 2 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('ledger.insufficient_stock');
    expect(await sealedOf(lotId, safeId)).toEqual({ containers: 1, ml: 10, mg: 100 });
  });

  it('corrects a move only by a reversing entry with a second signer, once', async () => {
    const entries = (await as.nurse.get<{ items: Entry[] }>(path('/entries?kind=move'))).body.items;
    const body = {
      kind: 'correction',
      reversesEntryId: entries[0]!.id,
      reason: 'moved to the wrong cabinet',
      secondSigner: PHYSICIAN_WITNESS,
    };
    const corrected = await post(as.nurse, body);
    expect(corrected.status).toBe(201);
    expect(corrected.body.entries[0]!.lines.map((l) => l.delta.containers).sort()).toEqual([-3, 3]);
    expect(await sealedOf(lotId, safeId)).toEqual({ containers: 4, ml: 40, mg: 400 });
    const again = await post(as.nurse, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ledger.already_corrected');
  });

  it('never dispenses esketamine or vials for home use', async () => {
    await post(as.nurse, {
      kind: 'receipt',
      locationId: safeId,
      productId: 'esketamine-28-mg-device',
      lotNumber: 'E-1',
      expiresOn: '2099-06-30',
      containerVolumeMl: 0.2,
      containers: 6,
      supplier: SUPPLIER,
      invoiceNumber: 'INV-2',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    const esketamineLot = (await stock()).lots.find((l) => l.lotNumber === 'E-1')!.id;
    const physicianId = (await as.physician.get<{ user: { id: string } }>('/api/me')).body.user.id;
    const base = {
      kind: 'dispensing',
      patientId,
      prescriberUserId: physicianId,
      quantity: { value: 1, unit: 'container' },
      directions: 'as directed',
    };
    const esketamine = await post(as.physician, { ...base, source: { lotId: esketamineLot, locationId: safeId } });
    expect(esketamine.body.error.code, JSON.stringify(esketamine.body)).toBe('ledger.esketamine_not_dispensable');
    const vial = await post(as.physician, { ...base, source: { lotId, locationId: safeId } });
    expect(vial.body.error.code).toBe('ledger.not_dispensable');
    const halfDevice = await post(as.nurse, {
      kind: 'administration',
      patientId,
      source: { lotId: esketamineLot, locationId: safeId },
      administered: { value: 14, unit: 'mg' },
    });
    expect(halfDevice.body.error.code).toBe('ledger.unit_mismatch');
  });

  it('refuses the person who gave the dose as the witness of its remainder', async () => {
    const before = (await stock()).head!.seq;
    const physicianId = (await as.physician.get<{ user: { id: string } }>('/api/me')).body.user.id;
    const res = await post(as.nurse, {
      kind: 'administration',
      patientId,
      givenByUserId: physicianId,
      source: { lotId, locationId: safeId },
      administered: { value: 2, unit: 'mL' },
      wasted: { value: 8, unit: 'mL' },
      witnesses: [PHYSICIAN_WITNESS],
    });
    expect(res.body.error.code).toBe('ledger.witness_same_person');
    expect((await stock()).head!.seq).toBe(before);
  });

  it('refuses entries dated long ago and quantities beyond what the ledger stores, writing nothing', async () => {
    const before = (await stock()).head!.seq;
    const receipt = {
      kind: 'receipt',
      locationId: safeId,
      productId: 'ketamine-100-mg-ml',
      lotNumber: 'L-HUGE',
      expiresOn: '2099-06-30',
      containerVolumeMl: 10_000,
      containers: 100_000,
      supplier: SUPPLIER,
      invoiceNumber: 'INV-9',
      receivedOn: new Date().toISOString().slice(0, 10),
    };
    const ancient = await post(as.nurse, { ...receipt, containers: 1, containerVolumeMl: 10, occurredAt: '0001-01-01T00:00:00Z' });
    expect(ancient.status).toBe(400);
    expect(ancient.body.error.details.issues?.[0]?.path).toBe('occurredAt');
    const huge = await post(as.nurse, receipt);
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('ledger.quantity_too_large');
    expect((await stock()).head!.seq).toBe(before);
  });

  it('dispenses a compounded oral bottle only to a patient with an address, keeping the address in the record', async () => {
    const physicianId = (await as.physician.get<{ user: { id: string } }>('/api/me')).body.user.id;
    const prescribers = await as.nurse.get<{ items: { id: string; name: string }[] }>(path('/prescribers'));
    expect(prescribers.body.items.map((p) => p.id)).toContain(physicianId);
    expect(prescribers.body.items.map((p) => p.id)).not.toContain((await as.nurse.get<{ user: { id: string } }>('/api/me')).body.user.id);
    const received = await post(as.physician, { ...RECEIPT_OF_BOTTLES, locationId: safeId });
    expect(received.status).toBe(201);
    const bottleLot = (await stock()).lots.find((l) => l.lotNumber === 'C-1')!.id;
    const body = {
      kind: 'dispensing',
      patientId,
      prescriberUserId: physicianId,
      source: { lotId: bottleLot, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      directions: '1 mL under the tongue as directed',
    };
    const noAddress = await post(as.nurse, body);
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error.details.issues?.[0]?.path).toBe('patientId');
    const version = (await as.nurse.get<{ version: number }>(`/api/patients/${patientId}`)).body.version;
    expect(
      (await as.nurse.patch(`/api/patients/${patientId}`, { baseVersion: version, demographics: { address: '5 Synthetic Lane' } })).status,
    ).toBe(200);
    const dispensed = await post(as.nurse, body);
    expect(dispensed.status).toBe(201);
    expect(dispensed.body.entries[0]!.details.dispensedTo, JSON.stringify(dispensed.body)).toEqual({
      name: 'Ledger Patient',
      address: '5 Synthetic Lane',
    });
    const adminView = (await as.admin.get<{ items: Entry[] }>(path('/entries?kind=dispensing'))).body.items[0]!;
    expect(adminView.details.dispensedTo).toBeUndefined();
    expect(adminView.patient).toBeNull();
    // Part of a sealed bottle: it is opened and the rest stays in it, tracked in mL.
    const part = await post(as.nurse, { ...body, quantity: { value: 12, unit: 'mL' } });
    expect(part.body.entries.map((e) => e.kind)).toEqual(['open_container', 'dispensing']);
    const bottle = (await stock()).balances.find((b) => b.lotId === bottleLot && b.containerId !== null);
    expect(bottle?.amount).toEqual({ containers: 0.6, ml: 18, mg: 900 });
  });

  it('refuses a patient whose record the actor may not read (another clinic only)', async () => {
    const other = await as.admin.post<{ id: string }>('/api/users', {
      email: `clinic-b-nurse-${engine}@ledger.test`,
      name: 'Other Clinic Nurse',
      password: 'ledger-password-1',
      roles: [{ clinicId: registration.clinicId, role: 'nurse' }],
    });
    expect(other.status).toBe(201);
    const nurseA = createClient(server.url);
    expect((await nurseA.login(`clinic-b-nurse-${engine}@ledger.test`, 'ledger-password-1')).status).toBe(200);
    const rows = await server.deps.db.execute(sql`select id from patients where home_clinic_id <> ${registration.clinicId} limit 1`);
    const foreignPatientId = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const res = await post(nurseA, {
      kind: 'administration',
      patientId: foreignPatientId,
      source: { lotId, locationId: safeId },
      administered: { value: 1, unit: 'mL' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('patient.not_found');
  });

  it('refuses a witness account to one guesser after five refusals, counting parallel guesses, without locking out others', async () => {
    const base = {
      kind: 'breakage',
      source: { lotId, locationId: safeId },
      quantity: { value: 1, unit: 'container' },
      description: 'dropped',
    };
    const adminWitness = { email: 'admin@demo.clinic', password: DEMO_PASSWORD };
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await post(as.nurse, { ...base, witnesses: [{ ...adminWitness, password: 'wrong-password' }] });
      expect(wrong.body.error.code).toBe('ledger.witness_not_verified');
    }
    const locked = await post(as.nurse, { ...base, witnesses: [adminWitness] });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ledger.witness_throttled');
    // The nurse's guessing does not stop the physician from having the admin witness a breakage.
    expect((await post(as.physician, { ...base, witnesses: [adminWitness] })).status).toBe(201);
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () => post(as.physician, { ...base, witnesses: [{ ...adminWitness, password: 'wrong-password' }] })),
    );
    expect(parallel.map((r) => r.status).sort()).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
  });

  it('dispenses whole bottles sealed whatever the unit, and refuses more than one bottle with a part', async () => {
    const physicianId = (await as.physician.get<{ user: { id: string } }>('/api/me')).body.user.id;
    const bottleLot = (await stock()).lots.find((l) => l.lotNumber === 'C-1')!.id;
    const body = {
      kind: 'dispensing',
      patientId,
      prescriberUserId: physicianId,
      source: { lotId: bottleLot, locationId: safeId },
      directions: 'as directed',
    };
    expect((await post(as.nurse, { ...body, quantity: { value: 45, unit: 'mL' } })).body.error.code).toBe('ledger.unit_mismatch');
    await post(as.physician, { ...RECEIPT_OF_BOTTLES, locationId: safeId });
    const whole = await post(as.nurse, { ...body, quantity: { value: 30, unit: 'mL' } });
    expect(whole.body.entries.map((e) => e.kind)).toEqual(['dispensing']);
    expect(whole.body.entries[0]!.lines[0]).toMatchObject({ containerId: null, delta: { containers: -1, ml: -30, mg: -1500 } });
  });

  it('refuses a receipt received more than 31 days ago or in the future', async () => {
    const before = (await stock()).head!.seq;
    for (const receivedOn of ['1999-01-01', '2099-01-01']) {
      const res = await post(as.nurse, { ...RECEIPT_OF_BOTTLES, locationId: safeId, receivedOn });
      expect(res.body.error.details.issues?.[0]?.path, receivedOn).toBe('receivedOn');
    }
    expect((await stock()).head!.seq).toBe(before);
  });

  it('lets the front desk see nothing and admins see administrations without the patient', async () => {
    expect((await as.frontdesk.get(path('/stock'))).status).toBe(404);
    const adminView = (await as.admin.get<{ items: Entry[] }>(path('/entries?kind=administration'))).body.items;
    expect(adminView.length).toBe(1);
    expect(adminView[0]!.patient).toBeNull();
    expect((await as.nurse.post(path('/locations'), { name: 'Nurse safe' })).status).toBe(403);
  });
});
