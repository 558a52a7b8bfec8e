import { describe, expect, it } from 'vitest';
import {
  accountForContainer,
  checkOpenedContainers,
  compareBalancesWithLines,
  findRemaindersNotWasted,
  OPENED_CONTAINER_IN_USE_HOURS,
  type OpenedContainer,
} from './reconciliation.ts';

const OPENED_AT = '2026-11-20T14:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(OPENED_AT) + hours * 3_600_000).toISOString();
const movement = (entryId: string, kind: string, deltaMl: number, hours: number, seq: number) => ({
  entryId,
  kind,
  deltaMl,
  occurredAt: at(hours),
  seq,
});

/** A 10 mL vial opened, 3.5 mL given, 6.5 mL wasted with a witness: nothing left. */
const emptiedMovements = [
  movement('open', 'open_container', 10, 0, 1),
  movement('adm', 'administration', -3.5, 0, 2),
  movement('w', 'waste', -6.5, 0, 3),
];
const emptied: OpenedContainer = {
  containerId: 'C1',
  lotId: 'L1',
  locationId: 'safe',
  openedAt: OPENED_AT,
  balanceMl: 0,
  movements: [
    movement('open', 'open_container', 10, 0, 1),
    movement('adm', 'administration', -3.5, 0, 2),
    movement('w', 'waste', -6.5, 0, 3),
  ],
};

describe('accountForContainer', () => {
  it('accounts opened = administered + wasted + ... + remaining', () => {
    expect(accountForContainer(emptied)).toMatchObject({
      openedMl: 10,
      administeredMl: 3.5,
      wastedMl: 6.5,
      expectedRemainingMl: 0,
      remainingMl: 0,
    });
  });
});

describe('checkOpenedContainers', () => {
  it('finds nothing in a clean container', () => {
    expect(checkOpenedContainers([emptied], at(48))).toEqual([]);
  });
  it('reports a remaining balance that is not opened minus outgoing', () => {
    const [difference] = checkOpenedContainers([{ ...emptied, balanceMl: 0.5 }], at(1));
    expect(difference).toMatchObject({ type: 'container_balance_mismatch', severity: 'error', containerId: 'C1' });
  });
  it(`flags a container still holding stock more than ${OPENED_CONTAINER_IN_USE_HOURS} h after opening ([M] clinic policy)`, () => {
    const open: OpenedContainer = { ...emptied, balanceMl: 6.5, movements: emptied.movements.slice(0, 2) };
    expect(checkOpenedContainers([open], at(OPENED_CONTAINER_IN_USE_HOURS - 1))).toEqual([]);
    expect(checkOpenedContainers([open], at(OPENED_CONTAINER_IN_USE_HOURS + 1)).map((d) => d.type)).toEqual([
      'opened_container_not_closed',
    ]);
  });
});

describe('compareBalancesWithLines', () => {
  const bucket = { lotId: 'L1', locationId: 'safe', containerId: '', containers: 4, ml: 40, mg: 400 };
  it('finds nothing when the cache equals the sum of lines', () => {
    expect(compareBalancesWithLines([bucket], [{ ...bucket }])).toEqual([]);
  });
  it('lists a bucket whose cache differs, and one missing on either side', () => {
    const differences = compareBalancesWithLines(
      [bucket, { ...bucket, locationId: 'cabinet' }],
      [
        { ...bucket, containers: 3, ml: 30, mg: 300 },
        { ...bucket, containerId: 'C9', containers: 0.1, ml: 1, mg: 10 },
      ],
    );
    expect(differences.map((d) => `${d.locationId}/${d.containerId ?? ''}`).sort()).toEqual(['cabinet/', 'safe/', 'safe/C9']);
    expect(differences.every((d) => d.type === 'balance_cache_mismatch' && d.severity === 'error')).toBe(true);
  });
});

describe('findRemaindersNotWasted', () => {
  const fact = { entryId: 'adm', occurredAt: at(0), seq: 2, containerId: 'C1', lotId: 'L1', locationId: 'safe', linkedWasteEntryIds: [] };
  it('flags the last administration from a container that still holds stock with no waste after it', () => {
    const movements = new Map([['C1', emptiedMovements.slice(0, 2)]]);
    expect(findRemaindersNotWasted([fact], movements, at(1)).map((d) => [d.type, d.entryIds])).toEqual([['remainder_not_wasted', ['adm']]]);
  });
  it('accepts a linked waste, a later waste, or an emptied container', () => {
    const full = new Map([['C1', emptiedMovements]]);
    expect(findRemaindersNotWasted([{ ...fact, linkedWasteEntryIds: ['w'] }], full, at(1))).toEqual([]);
    expect(findRemaindersNotWasted([fact], full, at(1))).toEqual([]);
    const givenAll = new Map([['C1', [movement('open', 'open_container', 10, 0, 1), movement('adm', 'administration', -10, 0, 2)]]]);
    expect(findRemaindersNotWasted([fact], givenAll, at(1))).toEqual([]);
  });
  it('leaves sealed-source administrations (whole nasal devices) alone', () => {
    expect(findRemaindersNotWasted([{ ...fact, containerId: null }], new Map(), at(1))).toEqual([]);
  });
});
