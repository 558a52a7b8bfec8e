import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/app/deps.ts';
import { postLedgerEntries } from '../../src/app/ledger/ledger-posting.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-organization.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Role = 'admin' | 'physician' | 'nurse' | 'frontdesk';
type Registration = { id: string; deaNumber: string };
type Stock = { lots: { id: string; lotNumber: string }[]; head: { seq: number; hashHex: string } | null };
type Download = { status: number; type: string; disposition: string; bytes: Buffer; text: string };

const PHYSICIAN = { email: 'physician@demo.clinic', password: DEMO_PASSWORD };
const ADMIN = { email: 'admin@demo.clinic', password: DEMO_PASSWORD };
const SUPPLIER = { name: 'Report Wholesale Inc.', address: '9 Depot Road, Springfield', deaNumber: 'RS1234563' };
const RECEIPTS = 45; // enough rows for a second PDF page

/** Signs in with plain fetch and downloads files with the session cookie (the JSON test client parses every body). */
async function signIn(baseUrl: string, email: string): Promise<(path: string) => Promise<Download>> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return async (path) => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition') ?? '',
      bytes,
      text: bytes.toString('utf8'),
    };
  };
}

/** The CSV's header block as a map and its table as lines (layout: key,value records, an empty line, the table). */
function parseReport(csv: string) {
  const [block, table] = csv.split('\r\n\r\n');
  const header = new Map(block!.split('\r\n').map((line) => [line.slice(0, line.indexOf(',')), line.slice(line.indexOf(',') + 1)]));
  return { header, lines: table!.split('\r\n').filter((line) => line !== '') };
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe.each(ENGINES)('ledger reports API on %s', (engine) => {
  let server: TestServer;
  const as = {} as Record<Role, TestClient>;
  const download = {} as Record<Role, (path: string) => Promise<Download>>;
  let registration: Registration;
  let safeId: string;
  let lotId: string;
  const path = (suffix: string) => `/api/ledger/registrations/${registration.id}${suffix}`;
  const transact = async (client: TestClient, body: Record<string, unknown>) => {
    const res = await client.post(path('/transactions'), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const head = async () => (await as.nurse.get<Stock>(path('/stock'))).body.head!;

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk'] as const) {
      as[name] = createClient(server.url);
      expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
      download[name] = await signIn(server.url, `${name}@demo.clinic`);
    }
    const created = await as.admin.post<Registration>('/api/ledger/registrations', {
      deaNumber: engine === 'pglite' ? 'AR1234563' : 'AR7654329',
      registrantName: 'Report Test Clinic, LLC',
      address: '20 Report Street',
      expiresOn: '2099-12-31',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    registration = created.body;
    safeId = (await as.admin.post<{ id: string }>(path('/locations'), { name: 'Report safe' })).body.id;
    const receipt = {
      kind: 'receipt',
      locationId: safeId,
      productId: 'ketamine-10-mg-ml',
      lotNumber: 'R-1',
      expiresOn: '2099-06-30',
      containerVolumeMl: 10,
      supplier: SUPPLIER,
      receivedOn: new Date().toISOString().slice(0, 10),
    };
    for (let i = 1; i <= RECEIPTS; i++) await transact(as.nurse, { ...receipt, containers: i === 1 ? 10 : 1, invoiceNumber: `INV-${i}` });
    lotId = (await as.nurse.get<Stock>(path('/stock'))).body.lots.find((l) => l.lotNumber === 'R-1')!.id;
    const patientId = (
      await as.nurse.post<{ id: string }>('/api/patients', {
        demographics: { mrn: `REPORT-${engine}`, givenName: 'Report', familyName: 'Patient', birthDate: '1980-02-03', sex: 'female' },
      })
    ).body.id;
    await transact(as.nurse, {
      kind: 'administration',
      patientId,
      source: { lotId, locationId: safeId },
      administered: { value: 35, unit: 'mg' },
      wasted: { value: 6.5, unit: 'mL' },
      witnesses: [PHYSICIAN],
    });
    const source = { lotId, locationId: safeId };
    const one = { value: 1, unit: 'container' };
    await transact(as.nurse, {
      kind: 'destruction',
      source,
      quantity: one,
      method: 'chemical denaturing kit',
      placeOfDestruction: 'Report safe room',
      witnesses: [PHYSICIAN, ADMIN],
    });
    await transact(as.nurse, {
      kind: 'loss',
      source,
      quantity: one,
      lossType: 'theft',
      significant: true,
      discoveredAt: new Date().toISOString(),
      description: 'vial missing from the safe',
    });
  });
  afterAll(async () => server?.close());

  it('gives a receipts CSV with the supplier DEA number, the header block and the chain head hash', async () => {
    const { seq, hashHex } = await head();
    const res = await download.admin(path('/reports/receipts?format=csv'));
    expect(res.status, res.text).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect(res.disposition).toMatch(/^attachment; filename="ketaclinic-AR\d{7}-receipts-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { header, lines } = parseReport(res.text);
    expect(header.get('DEA number')).toBe(registration.deaNumber);
    expect(header.get('Registrant')).toBe('"Report Test Clinic, LLC"');
    expect(header.get('Chain head seq')).toBe(String(seq));
    expect(header.get('Chain head SHA-256')).toBe(hashHex);
    expect(header.get('Generated by')).toMatch(/\(admin\)$/);
    expect(lines[0]).toMatch(/^Date received,Kind,Supplier,Supplier address,Supplier DEA number,Invoice/);
    expect(lines).toHaveLength(1 + RECEIPTS);
    expect(lines[1]).toContain(',RS1234563,INV-1,');
  });

  it('lists the patient in the administration and dispensing log for a nurse and refuses it to an admin', async () => {
    const res = await download.nurse(path('/reports/administration-dispensing'));
    expect(res.status).toBe(200);
    const { lines } = parseReport(res.text);
    expect(lines).toHaveLength(3); // titles, the administration and the wasted remainder
    expect(lines[1]).toMatch(/,administration,Report Patient,REPORT-/);
    expect(lines[1]).toContain(',0.35,3.5,35,35 mg,');
    expect(lines[2]).toMatch(/,waste,Report Patient,/);
    const admin = await download.admin(path('/reports/administration-dispensing'));
    expect(admin.status).toBe(403);
    expect(JSON.parse(admin.text).error.code).toBe('auth.forbidden');
    expect((await download.frontdesk(path('/reports/receipts'))).status).toBe(404);
  });

  it('keeps patients out of the chain listing for an admin and shows them to a physician', async () => {
    const admin = parseReport((await download.admin(path('/reports/entries'))).text);
    expect(admin.lines[0]).not.toContain('Patient');
    expect(admin.lines.join('\n')).not.toContain('Report Patient');
    const physician = parseReport((await download.physician(path('/reports/entries'))).text);
    expect(physician.lines[0]).toContain(',Patient,');
    expect(physician.lines.join('\n')).toContain('Report Patient');
    expect(physician.lines.at(-1)).toContain((await head()).hashHex);
  });

  it('lists the destruction with its Form 41 fields and both witnesses, and the theft with open tasks', async () => {
    const destructions = parseReport((await download.nurse(path('/reports/destructions'))).text).lines;
    expect(destructions).toHaveLength(2);
    expect(destructions[1]).toMatch(/,destruction,.*,chemical denaturing kit,Report safe room,,.*\(physician\),.*\(admin\),/);
    const losses = parseReport((await download.admin(path('/reports/losses'))).text).lines;
    expect(losses).toHaveLength(2);
    expect(losses[1]).toMatch(/,theft,yes,vial missing from the safe,.*,open,.*,open,/);
  });

  it('renders a PDF that wraps a long table onto more than one page', async () => {
    const res = await download.nurse(path('/reports/receipts?format=pdf'));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toMatch(/filename="ketaclinic-AR\d{7}-receipts-.*\.pdf"$/);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(res.bytes)).toBeGreaterThan(1);
    const empty = await download.nurse(path('/reports/receipts?format=pdf&from=2000-01-01&to=2000-01-31'));
    expect(pageCount(empty.bytes)).toBe(1);
  });

  it('answers 400 for dates that do not exist, a reversed range, more than 3 years and an unknown format', async () => {
    for (const query of [
      'from=2026-02-30',
      'from=2026-05-02&to=2026-05-01',
      'from=2020-01-01&to=2026-01-01',
      'to=tomorrow',
      'format=xls',
    ]) {
      const res = await download.nurse(path(`/reports/receipts?${query}`));
      expect(res.status, query).toBe(400);
      expect(JSON.parse(res.text).error.code, query).toBe('validation.failed');
    }
    expect((await download.nurse(path('/reports/sales'))).status).toBe(400);
  });

  it('gives only the header block and the column titles for a range with nothing in it', async () => {
    const res = await download.nurse(path('/reports/administration-dispensing?from=2000-01-01&to=2000-01-31'));
    expect(res.status).toBe(200);
    const { header, lines } = parseReport(res.text);
    expect(header.get('Period from')).toBe('2000-01-01');
    expect(header.get('Period to')).toBe('2000-01-31');
    expect(lines).toEqual([expect.stringMatching(/^Date\/time,Kind,Patient,MRN,Patient address,/)]);
  });

  it('shows an inventory count beside the book balance, with the previous inventory and the 24-month warning', async () => {
    const count = async (body: Record<string, unknown>) => {
      const res = await as.nurse.post<{ entryId: string }>(path('/counts'), { secondCounter: PHYSICIAN, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.entryId;
    };
    // 10 + 44 received, 1 opened, 1 destroyed, 1 stolen: 51 sealed on the books; 50 found.
    const line = { lotId, locationId: safeId, containerId: null, countedContainers: 50 };
    // The initial inventory of 2024 is history a clinic brings along: the API only takes counts as they are made.
    const nurseId = (await as.nurse.get<{ user: { id: string } }>('/api/me')).body.user.id;
    const at = '2024-01-02T15:00:00.000Z';
    await inTransaction(server.deps, (repos) =>
      postLedgerEntries(repos, { actorId: nurseId, recordedAt: at, newId: server.deps.newId }, [
        {
          registrationId: registration.id,
          entry: {
            kind: 'count',
            occurredAt: at,
            details: { countKind: 'initial_inventory', timeOfDay: 'opening', countedAt: at, lines: [] },
            lines: [],
          },
        },
      ]),
    );
    const biennial = await count({ countKind: 'biennial_inventory', timeOfDay: 'close', lines: [line] });
    const res = await download.admin(path(`/reports/inventory?countEntryId=${biennial}`));
    expect(res.status, res.text).toBe(200);
    const { header, lines } = parseReport(res.text);
    expect(header.get('Report')).toBe('"Inventory (biennial inventory, 21 CFR 1304.11)"');
    expect(header.get('Opening or close of business')).toBe('close of business');
    expect(header.get('Previous inventory')).toBe('2024-01-02');
    expect(header.get('Warning')).toContain('More than 24 months');
    expect(lines[0]).toContain('Book containers,Book mL,Book mg,Counted containers,Counted mL,Counted mg');
    expect(lines[1]).toMatch(/^Report safe,.*,R-1,2099-06-30,sealed,51,510,5100,50,500,5000,-1,-10,-100$/);
    expect((await download.admin(path('/reports/inventory'))).status).toBe(400);
    expect((await download.admin(path('/reports/inventory?countEntryId=no-such-entry'))).status).toBe(404);
    const pdf = await download.admin(path(`/reports/inventory?countEntryId=${biennial}&format=pdf`));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
