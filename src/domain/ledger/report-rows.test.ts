import { describe, expect, it } from 'vitest';
import { toChainTable, toDisposalTable } from './report-chain-rows.ts';
import {
  absoluteAmount,
  collectLossTaskCompletions,
  formatLocalDateTime,
  type ReportEntry,
  toAdministrationTable,
  toLossTable,
  toReceiptTable,
} from './report-rows.ts';

const TZ = 'America/Chicago';
const LOT = { productName: 'Ketamine 10 mg/mL', lotNumber: 'L-1', ndc: '0409-2053', concentrationMgPerMl: 10, containerVolumeMl: 10 };

let nextSeq = 1;
function entry(kind: string, details: Record<string, unknown>, overrides: Partial<ReportEntry> = {}): ReportEntry {
  const seq = nextSeq++;
  return {
    id: `e${seq}`,
    seq,
    kind,
    occurredAt: '2026-03-10T15:30:00.000Z',
    recordedAt: '2026-03-10T15:31:00.000Z',
    recordedByName: 'Nina Nurse',
    patient: null,
    details: { ...LOT, ...details },
    lines: [{ lotId: 'lot1', locationId: 'safe', containerId: 'c1', delta: { containers: -0.35, ml: -3.5, mg: -35 } }],
    correctedBySeq: null,
    hashHex: 'ab'.repeat(32),
    ...overrides,
  };
}
const column = (table: { columns: string[]; rows: unknown[][] }, name: string) => table.rows.map((r) => r[table.columns.indexOf(name)]);

describe('formatLocalDateTime', () => {
  it('shows the wall-clock time in the clinic time zone, across a DST change', () => {
    expect(formatLocalDateTime('2026-03-10T15:30:00.000Z', TZ)).toBe('2026-03-10 10:30'); // CDT, UTC-5
    expect(formatLocalDateTime('2026-01-10T05:59:00.000Z', TZ)).toBe('2026-01-09 23:59'); // CST, UTC-6
  });
});

describe('absoluteAmount', () => {
  it('sums the size of every line, so a move of 3 containers reads 6 and an administration reads its dose', () => {
    const lines = [
      { lotId: 'l', locationId: 'a', containerId: null, delta: { containers: -3, ml: -30, mg: -300 } },
      { lotId: 'l', locationId: 'b', containerId: null, delta: { containers: 3, ml: 30, mg: 300 } },
    ];
    expect(absoluteAmount(lines)).toEqual({ containers: 6, ml: 60, mg: 600 });
    expect(absoluteAmount([{ ...lines[0]!, delta: { containers: -0.1, ml: -0.2, mg: -0.3 } }, lines[1]!]).mg).toBe(300.3);
  });
});

describe('toAdministrationTable', () => {
  const patient = { name: 'Ada Patient', mrn: 'MRN-1', address: '1 Home Road' };
  const admin = entry('administration', { dose: { value: 35, unit: 'mg' }, givenBy: { userId: 'u', name: 'Nina Nurse' } }, { patient });
  const waste = entry('waste', {
    quantity: { value: 6.5, unit: 'mL' },
    administrationEntryId: admin.id,
    witnesses: [{ userId: 'p', name: 'Phil Physician', role: 'physician' }],
  });
  const dispensing = entry(
    'dispensing',
    { quantity: { value: 2, unit: 'mL' }, prescriber: { userId: 'p', name: 'Phil Physician' } },
    { patient, correctedBySeq: 99 },
  );
  const otherWaste = entry('waste', { quantity: { value: 1, unit: 'mL' }, reason: 'spilled' });
  const table = toAdministrationTable([admin, waste, dispensing, otherWaste, entry('receipt', {})], TZ);

  it('lists administrations, the linked waste with the patient of its administration, and dispensings only', () => {
    expect(column(table, 'Kind')).toEqual(['administration', 'waste', 'dispensing']);
    expect(column(table, 'Patient')).toEqual(['Ada Patient', 'Ada Patient', 'Ada Patient']);
  });
  it('gives the address for dispensing only (1304.22(c)), absolute quantities, the dose as entered and the people', () => {
    expect(column(table, 'Patient address')).toEqual(['', '', '1 Home Road']);
    expect(table.rows[0]!.slice(7, 11)).toEqual([0.35, 3.5, 35, '35 mg']);
    expect(column(table, 'Prescriber')).toEqual(['', '', 'Phil Physician']);
    expect(column(table, 'Witness')).toEqual(['', 'Phil Physician (physician)', '']);
    expect(column(table, 'Corrected by seq')).toEqual([null, null, 99]);
    expect(column(table, 'Date/time')[0]).toBe('2026-03-10 10:30');
  });
  it('prints the name and address kept with a dispensing, not the record of today', () => {
    const moved = entry(
      'dispensing',
      { quantity: { value: 1, unit: 'container' }, dispensedTo: { name: 'Ada Patient', address: '9 Old Street' } },
      { patient: { ...patient, address: '2 New Road' } },
    );
    const [row] = toAdministrationTable([moved], TZ).rows;
    expect(row![table.columns.indexOf('Patient address')]).toBe('9 Old Street');
  });
});

describe('toReceiptTable', () => {
  it('keeps the supplier name, address and DEA number, invoice and date received (1304.22(c))', () => {
    const receipt = entry(
      'receipt',
      {
        supplier: { name: 'Wholesale', address: '1 Depot', deaNumber: 'RS1234563' },
        invoiceNumber: 'INV-1',
        receivedOn: '2026-03-09',
        expiresOn: '2099-01-01',
      },
      { lines: [{ lotId: 'l', locationId: 's', containerId: null, delta: { containers: 5, ml: 50, mg: 500 } }] },
    );
    const table = toReceiptTable([receipt, entry('move', {})], TZ);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toEqual([
      '2026-03-09',
      'receipt',
      'Wholesale',
      '1 Depot',
      'RS1234563',
      'INV-1',
      'Ketamine 10 mg/mL',
      '0409-2053',
      'L-1',
      '2099-01-01',
      5,
      50,
      500,
      'Nina Nurse',
      receipt.seq,
      null,
    ]);
  });
});

describe('toLossTable', () => {
  const deadlines = { deaNoticeDueAt: '2026-03-12T04:59:59.999Z', form106DueAt: '2026-04-25T04:59:59.999Z' };
  const theft = entry('loss', {
    lossType: 'theft',
    significant: false,
    discoveredAt: '2026-03-10T15:00:00.000Z',
    description: 'gone',
    deadlines,
  });
  const minor = entry('loss', { lossType: 'loss', significant: false, discoveredAt: '2026-03-10T15:00:00.000Z', deadlines: null });
  const done = entry('loss_task_done', {
    lossEntryId: theft.id,
    task: 'dea_notice_1_business_day',
    completedAt: '2026-03-11T14:00:00.000Z',
  });

  it('shows a task done when a loss_task_done entry names it, open when due, not required for a minor loss', () => {
    const table = toLossTable([theft, minor], collectLossTaskCompletions([done], TZ), TZ);
    expect(column(table, 'DEA notice')).toEqual(['done 2026-03-11 09:00', 'not required']);
    expect(column(table, 'Form 106')).toEqual(['open', 'not required']);
    expect(column(table, 'DEA notice due')).toEqual(['2026-03-11 23:59', '']);
    expect(column(table, 'Significant')).toEqual(['no', 'no']);
  });
});

describe('toDisposalTable', () => {
  it('takes Form 41 fields from a destruction and tells returns, breakage and unlinked wastes apart by kind', () => {
    const form41 = { form: 'vial', fullPackages: 2, partialCountMl: 0, method: 'incineration', placeOfDestruction: 'Clinic' };
    const witnesses = [
      { name: 'A', role: 'nurse' },
      { name: 'B', role: 'admin' },
    ];
    const sealedOut = [{ lotId: 'l', locationId: 's', containerId: null, delta: { containers: -2, ml: -20, mg: -200 } }];
    const destruction = entry('destruction', { form41, witnesses }, { lines: sealedOut });
    const returned = entry(
      'return',
      { recipientType: 'reverse_distributor', recipient: { name: 'RD Inc', address: '2 Road', deaNumber: 'RR1234563' }, reason: 'expired' },
      { lines: sealedOut },
    );
    const linked = entry('waste', { administrationEntryId: 'x' });
    const table = toDisposalTable([destruction, returned, entry('breakage', { description: 'dropped' }), linked], TZ);
    expect(column(table, 'Kind')).toEqual(['destruction', 'return', 'breakage']);
    expect(column(table, 'Method or reason')).toEqual(['incineration', 'return to reverse distributor: expired', 'breakage: dropped']);
    expect(column(table, 'Witness 2')).toEqual(['B (admin)', '', '']);
    expect(column(table, 'Recipient DEA number')).toEqual(['', 'RR1234563', '']);
    expect(column(table, 'Full packages')).toEqual([2, 2, 0]);
    expect(column(table, 'Partial mL')).toEqual([0, 0, 3.5]);
  });
});

describe('toChainTable', () => {
  const labels = { lotNumbers: new Map([['lot1', 'L-1']]), locationNames: new Map([['safe', 'Main safe']]) };
  const patient = { name: 'Ada Patient', mrn: 'MRN-1', address: null };
  const later = entry('administration', {}, { patient });
  const earlier = entry('receipt', {}, { seq: 1 });

  it('lists entries in seq order with lines, details and hash, and the patient only when allowed', () => {
    const table = toChainTable([later, earlier], labels, { withPatients: true, timeZone: TZ });
    expect(column(table, 'Seq')).toEqual([1, later.seq]);
    expect(column(table, 'Patient')).toEqual(['', 'Ada Patient (MRN-1)']);
    expect(column(table, 'Lines')[1]).toBe('lot L-1 at Main safe opened c1: -0.35 containers / -3.5 mL / -35 mg');
    expect(column(table, 'Hash (SHA-256)')[0]).toBe('ab'.repeat(32));
    const forAdmin = toChainTable([later], labels, { withPatients: false, timeZone: TZ });
    expect(forAdmin.columns).not.toContain('Patient');
    expect(JSON.stringify(forAdmin.rows)).not.toContain('Ada');
  });
});
