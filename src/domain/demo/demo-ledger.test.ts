import { describe, expect, it } from 'vitest';
import { validateDeaNumber } from '../ledger/dea-number.ts';
import { toLocalDate } from '../ledger/loss-deadlines.ts';
import {
  buildDemoLedgerStories,
  computeCrpsInfusionMg,
  computeDepressionInfusionMg,
  type DemoLedgerStep,
  simulateDemoLedger,
} from './demo-ledger.ts';
import { zonedWallTimeToIso } from './demo-ledger-clock.ts';
import { DEMO_CLINICS } from './demo-organization.ts';
import { buildDemoPatients } from './demo-patients.ts';

const NOW = new Date('2026-11-22T02:49:00Z'); // a Saturday evening in both clinics' zones
// Different weekdays and times of day, across a daylight-saving change (US: 1 Nov 2026, 14 Mar 2027).
const NOWS = [NOW, new Date('2026-11-23T15:00:00Z'), new Date('2026-11-25T23:59:00Z'), new Date('2027-03-16T12:00:00Z')];
const patients = buildDemoPatients({ todayIso: '2026-11-22', clinicIds: ['c0', 'c1'] });

const wallClock = (iso: string, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, hhmm: `${get('hour')}:${get('minute')}` };
};
const administrations = (steps: DemoLedgerStep[]) =>
  steps.filter((s): s is Extract<DemoLedgerStep, { kind: 'administration' }> => s.kind === 'administration');

describe('demo ledger story', () => {
  it('registers each clinic under a valid synthetic DEA number that no test uses', () => {
    for (const story of buildDemoLedgerStories(NOW)) {
      const dea = story.registration.deaNumber;
      expect(validateDeaNumber(dea)).toEqual({ ok: true, normalized: dea });
      expect(dea[0]).toBe('F');
      expect(dea[1]).toBe(story.registration.registrantName[0]); // the registrant's initial (dea-number.ts)
      expect(['BK7654329', 'BK1111119']).not.toContain(dea);
      expect(dea.startsWith('AC') || dea.startsWith('AR')).toBe(false);
      expect(story.registration.registrantName).toBe(DEMO_CLINICS[story.clinicIndex].name);
      expect(validateDeaNumber(story.supplier.deaNumber).ok).toBe(true);
    }
  });

  it('lets one registration run for over a year and the other lapse within the 60-day warning', () => {
    const [first, second] = buildDemoLedgerStories(NOW);
    const daysLeft = (expiresOn: string) => (Date.parse(expiresOn) - Date.parse('2026-11-21')) / 86_400_000;
    expect(daysLeft(first.registration.expiresOn)).toBeGreaterThan(365);
    expect(daysLeft(second.registration.expiresOn)).toBeGreaterThan(0);
    expect(daysLeft(second.registration.expiresOn)).toBeLessThanOrEqual(60);
  });

  it.each(NOWS.map((now) => [now.toISOString(), now] as const))('dates every entry in the past, in opening hours (now %s)', (_, now) => {
    for (const story of buildDemoLedgerStories(now)) {
      const clinic = DEMO_CLINICS[story.clinicIndex];
      const today = toLocalDate(now.toISOString(), clinic.timeZone);
      const times = [story.registration.occurredAt, ...story.steps.flatMap((s) => [s.occurredAt, s.recordedAt])];
      for (const at of times) {
        expect(toLocalDate(new Date(at).toISOString(), clinic.timeZone) < today).toBe(true);
        const { weekday, hhmm } = wallClock(at, clinic.timeZone);
        const hours = clinic.hours.find((h) => h.day === weekday);
        expect(hours, `${at} falls on a closed day`).toBeDefined();
        expect(hhmm >= hours!.opens && hhmm <= hours!.closes, `${at} is outside ${hours!.opens}-${hours!.closes}`).toBe(true);
      }
      const first = Date.parse(story.registration.occurredAt);
      expect((now.getTime() - first) / 86_400_000).toBeGreaterThan(14); // about three weeks of history
      expect((now.getTime() - first) / 86_400_000).toBeLessThan(28);
      const recorded = story.steps.map((s) => s.recordedAt);
      expect([...recorded].sort()).toEqual(recorded);
    }
  });

  it('administers only to demo patients of the same clinic, with doses from the cited regimens', () => {
    for (const story of buildDemoLedgerStories(NOW)) {
      for (const step of administrations(story.steps)) {
        expect(patients[step.patientIndex]!.homeClinicIndex).toBe(story.clinicIndex);
        const code = patients[step.patientIndex]!.record.clinical.conditions[0]!.coding;
        expect(code?.kind === 'icd10cm' ? code.code : '').toMatch(/^(G90\.5|G57\.7|F33\.2)/); // CRPS (I or II) or TRD
        if (step.administered.unit === 'mg') expect(step.administered.value).toBe(56); // 2 esketamine devices (DOMAIN.md 3)
      }
    }
    // Schwartzman 2009 (DOMAIN.md 2): 0.35 mg/kg/h, at most 25 mg/h, 4 h; Zarate 2006: 0.5 mg/kg.
    expect([computeCrpsInfusionMg(61), computeCrpsInfusionMg(68), computeCrpsInfusionMg(92)]).toEqual([85, 95, 100]);
    expect(computeDepressionInfusionMg(90)).toBe(45);
  });

  it('uses esketamine devices whole in one clinic only', () => {
    const [first, second] = buildDemoLedgerStories(NOW);
    expect(first.lots.some((l) => l.key === 'esk')).toBe(false);
    const devices = administrations(second.steps).filter((s) => 'lot' in s.source && s.source.lot === 'esk');
    expect(devices.length).toBeGreaterThan(0);
    expect(simulateDemoLedger(second).find((b) => b.lot === 'esk')!.amount).toEqual({ containers: 6, ml: 1.2, mg: 168 });
  });

  it('tells the whole story: receipt, move, witnessed waste, count, correction, resolution and a clean close count', () => {
    for (const story of buildDemoLedgerStories(NOW)) {
      const kinds = new Set(story.steps.map((s) => s.kind));
      expect([...kinds].sort()).toEqual(['administration', 'correction', 'count', 'discrepancy_action', 'move', 'receipt']);
      expect(administrations(story.steps).some((s) => s.wasted && s.witness === 'physician' && s.actor === 'nurse')).toBe(true);
      const counts = story.steps.filter((s) => s.kind === 'count');
      expect(counts.map((c) => c.key)).toEqual(['count-opening', 'count-close']);
      expect(story.steps.at(-1)!.key).toBe('count-close');
    }
  });

  it('keeps every balance non-negative and ends with an open vial and sealed stock in both locations', () => {
    for (const story of buildDemoLedgerStories(NOW)) {
      const balances = simulateDemoLedger(story);
      for (const b of balances) expect(Math.min(b.amount.containers, b.amount.ml, b.amount.mg)).toBeGreaterThanOrEqual(0);
      const open = balances.filter((b) => b.container !== null);
      expect(open).toHaveLength(1);
      expect(open[0]!.amount.ml).toBeGreaterThan(0);
      expect(open[0]!.amount.ml).toBeLessThan(10);
      for (const location of ['safe', 'lockbox'] as const) {
        expect(balances.some((b) => b.location === location && b.container === null && b.amount.containers > 0)).toBe(true);
      }
    }
  });

  it('makes the opening count find the vial 0.2 mL short of the book, and the correction close the gap', () => {
    const [first] = buildDemoLedgerStories(NOW);
    const vial = (beforeKey?: string) => simulateDemoLedger(first, beforeKey).find((b) => b.container === 'multi-dose')!.amount.ml;
    // Patient 0 weighs 68 kg: 95 mg = 1.9 mL drawn, typed as 1.7 mL; patient 4 had 100 mg = 2.0 mL from the same vial.
    expect(vial('count-opening')).toBe(6.3);
    expect(vial('resolution')).toBe(6.1);
    expect(vial()).toBe(4.2);
    const count = first.steps.find((s) => s.key === 'count-opening');
    expect(count?.kind === 'count' && count.differencesMl).toEqual({ 'multi-dose': -0.2 });
  });

  it('builds the same story for the same moment', () => {
    expect(buildDemoLedgerStories(NOW)).toEqual(buildDemoLedgerStories(new Date(NOW.getTime())));
  });
});

describe('zonedWallTimeToIso', () => {
  it('converts a clinic wall time to UTC on both sides of a daylight-saving change', () => {
    expect(zonedWallTimeToIso('2027-03-12', 7 * 60, 'America/Denver')).toBe('2027-03-12T14:00:00.000Z'); // MST, UTC-7
    expect(zonedWallTimeToIso('2027-03-15', 7 * 60, 'America/Denver')).toBe('2027-03-15T13:00:00.000Z'); // MDT, UTC-6
    expect(zonedWallTimeToIso('2026-11-02', 8 * 60, 'America/Chicago')).toBe('2026-11-02T14:00:00.000Z'); // CST, UTC-6
  });
});
