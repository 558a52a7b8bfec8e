import type { Stock } from './ledger.api.ts';

/** A small stock answer for the helpers' tests: one vial lot with sealed and opened stock, one expired lot. */
export function buildStockFixture(): Stock {
  return {
    registration: {
      id: 'reg-1',
      clinicId: 'clinic-1',
      deaNumber: 'BK1234563',
      registrantName: 'Demo Clinic',
      address: '1 Main St',
      expiresOn: '2027-01-01',
      expiryStatus: 'ok',
      daysToExpiry: 400,
      locations: [
        { id: 'loc-a', name: 'Safe A' },
        { id: 'loc-b', name: 'Safe B' },
      ],
    },
    lots: [
      {
        id: 'lot-1',
        productId: 'ketamine-10-mg-ml',
        productName: 'Ketamine 10 mg/mL',
        drug: 'ketamine',
        form: 'vial',
        lotNumber: 'L100',
        expiresOn: '2027-06-30',
        expired: false,
        containerVolumeMl: 10,
        concentrationMgPerMl: 10,
        ndc: null,
      },
      {
        id: 'lot-2',
        productId: 'ketamine-50-mg-ml',
        productName: 'Ketamine 50 mg/mL',
        drug: 'ketamine',
        form: 'vial',
        lotNumber: 'OLD1',
        expiresOn: '2025-01-31',
        expired: true,
        containerVolumeMl: 10,
        concentrationMgPerMl: 50,
        ndc: null,
      },
    ],
    balances: [
      {
        lotId: 'lot-1',
        locationId: 'loc-a',
        containerId: null,
        openedAt: null,
        openedByName: null,
        amount: { containers: 4, ml: 40, mg: 400 },
      },
      {
        lotId: 'lot-1',
        locationId: 'loc-a',
        containerId: 'c-1',
        openedAt: '2026-11-22T08:00:00.000Z',
        openedByName: 'Nico Nurse',
        amount: { containers: 0.65, ml: 6.5, mg: 65 },
      },
      {
        lotId: 'lot-2',
        locationId: 'loc-a',
        containerId: null,
        openedAt: null,
        openedByName: null,
        amount: { containers: 1, ml: 10, mg: 500 },
      },
    ],
    head: { seq: 5, hashHex: 'ab'.repeat(32) },
  };
}
