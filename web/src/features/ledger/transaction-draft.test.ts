import { describe, expect, it } from 'vitest';
import { buildTransactionBody, emptyDraft, parsePositive, type TransactionDraft, toDraftPath, witnessCount } from './transaction-draft.ts';

const draft = (changes: Partial<TransactionDraft>): TransactionDraft => ({ ...emptyDraft('2026-11-22'), ...changes });
const witness = { email: 'physician@demo.clinic', password: 'secret' };

describe('parsePositive', () => {
  it.each([
    ['2', 2],
    ['2.5', 2.5],
    ['0,5', 0.5],
    [' 10 ', 10],
    ['0', null],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('%j -> %j', (text, value) => expect(parsePositive(text)).toBe(value));
});

describe('buildTransactionBody', () => {
  it('builds a receipt with the supplier and an upper-cased DEA number', () => {
    const result = buildTransactionBody(
      'receipt',
      draft({
        locationId: 'loc-a',
        productId: 'ketamine-10-mg-ml',
        lotNumber: 'L100',
        expiresOn: '2027-06-30',
        containerVolumeMl: '10',
        containers: '5',
        supplierName: 'Acme',
        supplierAddress: '2 Supply Rd',
        supplierDeaNumber: 'rb1234563',
        invoiceNumber: 'INV-9',
      }),
      [],
    );
    expect(result).toEqual({
      ok: true,
      body: {
        kind: 'receipt',
        locationId: 'loc-a',
        productId: 'ketamine-10-mg-ml',
        lotNumber: 'L100',
        expiresOn: '2027-06-30',
        containerVolumeMl: 10,
        containers: 5,
        supplier: { name: 'Acme', address: '2 Supply Rd', deaNumber: 'RB1234563' },
        invoiceNumber: 'INV-9',
        receivedOn: '2026-11-22',
      },
    });
  });

  it('refuses a receipt without the supplier registration or with a fractional container count', () => {
    const result = buildTransactionBody('receipt', draft({ containers: '1.5' }), []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['supplier.deaNumber']).toMatch(/DEA/);
    expect(result.errors.containers).toMatch(/whole number/);
  });

  it('adds the witness only when a remainder is wasted with an administration', () => {
    const base = { patientId: 'p-1', source: 'container:c-1', quantity: '3.5', unit: 'mL' as const };
    const plain = buildTransactionBody('administration', draft(base), [witness]);
    expect(plain).toEqual({
      ok: true,
      body: { kind: 'administration', patientId: 'p-1', source: { containerId: 'c-1' }, administered: { value: 3.5, unit: 'mL' } },
    });
    const wasted = buildTransactionBody('administration', draft({ ...base, wasted: '6.5' }), [witness]);
    expect(wasted.ok && wasted.body).toMatchObject({ wasted: { value: 6.5, unit: 'mL' }, witnesses: [witness] });
    const unwitnessed = buildTransactionBody('administration', draft({ ...base, wasted: '6.5' }), [{ email: '', password: '' }]);
    expect(unwitnessed.ok ? {} : unwitnessed.errors).toHaveProperty('witnesses.0.email');
  });

  it('asks destruction for two witnesses', () => {
    const result = buildTransactionBody(
      'destruction',
      draft({
        source: 'sealed:lot-2:loc-a',
        quantity: '1',
        unit: 'container',
        method: 'Reverse distributor',
        placeOfDestruction: 'Clinic',
      }),
      [witness],
    );
    expect(result.ok ? {} : result.errors).toHaveProperty('witnesses', '2 witnesses sign this entry.');
  });

  it('refuses waste from sealed stock and a move to the same location', () => {
    const waste = buildTransactionBody('waste', draft({ source: 'sealed:lot-1:loc-a', quantity: '1', reason: 'r' }), [witness]);
    expect(waste.ok ? {} : waste.errors).toHaveProperty('containerId');
    const move = buildTransactionBody('move', draft({ lotSource: 'sealed:lot-1:loc-a', toLocationId: 'loc-a', containers: '1' }), []);
    expect(move.ok ? {} : move.errors).toHaveProperty('toLocationId');
  });

  it('sends a correction with its second signer', () => {
    const result = buildTransactionBody('correction', draft({ reversesEntryId: 'e-1', reason: 'wrong lot' }), [witness]);
    expect(result).toEqual({ ok: true, body: { kind: 'correction', reversesEntryId: 'e-1', reason: 'wrong lot', secondSigner: witness } });
  });
});

describe('witnessCount and toDraftPath', () => {
  it('shows the witness panel for waste, breakage, destruction, corrections and a wasted remainder', () => {
    expect(witnessCount('waste', { wasted: '' })).toBe(1);
    expect(witnessCount('destruction', { wasted: '' })).toBe(2);
    expect(witnessCount('administration', { wasted: '' })).toBe(0);
    expect(witnessCount('administration', { wasted: '1' })).toBe(1);
    expect(witnessCount('receipt', { wasted: '' })).toBe(0);
  });

  it('maps server issue paths to the form', () => {
    expect(toDraftPath('body.supplier.deaNumber')).toBe('supplier.deaNumber');
    expect(toDraftPath('body.secondSigner.email')).toBe('secondSigner.0.email');
  });
});
