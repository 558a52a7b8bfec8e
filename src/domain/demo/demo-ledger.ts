import { toLocalDate } from '../ledger/loss-deadlines.ts';
import { type Amount, type LedgerProductForm, roundAmount, toAmount } from '../ledger/quantities.ts';
import { createStoryClock, STORY_OPEN_DAYS, type StoryClock } from './demo-ledger-clock.ts';
import { DEMO_CLINICS } from './demo-organization.ts';
import type { DemoProfile } from './demo-profile-types.ts';
import { DEMO_PROFILES_MIXED } from './demo-profiles-mixed.ts';
import { DEMO_PROFILES_PAIN } from './demo-profiles-pain.ts';
import { shiftIsoDateByDays } from './demo-random.ts';

/**
 * The demo clinics' controlled-substance stock story (issue 5, item 8): a pure description, dated back from "now",
 * that the seeding use case posts through the ledger builders. Every DEA number, lot and invoice here is synthetic.
 */

export type DemoLedgerActor = 'admin' | 'physician' | 'nurse';
export type DemoLocationKey = 'safe' | 'lockbox';
export type DemoLotKey = 'k10' | 'k50' | 'esk';
export type DemoQuantity = { value: number; unit: 'container' | 'mL' | 'mg' };

export const DEMO_LEDGER_LOCATIONS: Record<DemoLocationKey, string> = { safe: 'Main safe', lockbox: 'Infusion room lockbox' };

export interface DemoLot {
  key: DemoLotKey;
  productId: string;
  form: LedgerProductForm;
  lotNumber: string;
  expiresOn: string;
  containerVolumeMl: number;
  concentrationMgPerMl: number;
}

/** One posting of the story; `key` names steps that later steps refer to (a correction reverses one by key). */
export type DemoLedgerStep = { key: string; occurredAt: string; recordedAt: string; actor: DemoLedgerActor } & (
  | { kind: 'receipt'; lot: DemoLotKey; location: DemoLocationKey; containers: number; invoiceNumber: string; receivedOn: string }
  | { kind: 'move'; lot: DemoLotKey; from: DemoLocationKey; to: DemoLocationKey; containers: number }
  | {
      kind: 'administration';
      patientIndex: number;
      /** Sealed stock (a vial is opened and becomes container `opens`; devices are used whole) or an opened vial. */
      source: { lot: DemoLotKey; location: DemoLocationKey; opens?: string } | { container: string };
      administered: DemoQuantity;
      wasted?: DemoQuantity;
      witness?: DemoLedgerActor;
      note?: string;
    }
  | { kind: 'count'; timeOfDay: 'opening' | 'close'; secondCounter: DemoLedgerActor; note: string; differencesMl: Record<string, number> }
  | { kind: 'correction'; reverses: string; reason: string; secondSigner: DemoLedgerActor }
  | { kind: 'discrepancy_action'; count: string; container: string; correction: string; note: string }
);

export interface DemoLedgerStory {
  clinicIndex: 0 | 1;
  registration: { deaNumber: string; registrantName: string; address: string; expiresOn: string; occurredAt: string };
  supplier: { name: string; address: string; deaNumber: string };
  lots: DemoLot[];
  steps: DemoLedgerStep[];
}

export interface DemoBalance {
  lot: DemoLotKey;
  location: DemoLocationKey;
  /** Story key of an opened container, null for sealed stock. */
  container: string | null;
  amount: Amount;
}

/** Synthetic registrations: first letter F, second the registrant's initial, valid check digit (dea-number.ts) [M]. */
const CLINIC_SPECS = [
  { deaNumber: 'FF4826155', expiresInDays: 400, crpsFirst: 0, crpsSecond: 4, mood: { patientIndex: 24, route: 'iv' } },
  { deaNumber: 'FL7392044', expiresInDays: 45, crpsFirst: 5, crpsSecond: 1, mood: { patientIndex: 23, route: 'esketamine' } },
] as const;

export const DEMO_SUPPLIER = {
  name: 'Synthetic Wholesale Supply (demo)',
  address: '500 Fictional Parkway, Memphis, TN 38118',
  deaNumber: 'RS5618371',
} as const;

const PROFILES: readonly DemoProfile[] = [...DEMO_PROFILES_PAIN, ...DEMO_PROFILES_MIXED];
const VIAL_ML = 10; // [M] a common commercial vial size; DOMAIN.md 10 uses "10-mL vial" as its example.

/** CRPS infusion dose in mg: 0.35 mg/kg/h, not over 25 mg/h, for 4 h, rounded down to 5 mg (0.1 mL of 50 mg/mL).
 * Source: Schwartzman et al., Pain 2009 (DOMAIN.md 2). */
export function computeCrpsInfusionMg(weightKg: number): number {
  return Math.floor((Math.min(0.35 * weightKg, 25) * 4) / 5) * 5;
}

/** Depression infusion dose in mg: 0.5 mg/kg over 40 min, rounded down to whole mg (0.1 mL of 10 mg/mL).
 * Source: Zarate 2006 via Zanos et al. 2018, Table 1 (DOMAIN.md 2). */
export function computeDepressionInfusionMg(weightKg: number): number {
  return Math.floor(0.5 * weightKg);
}

/** Esketamine induction dose: 56 mg = 2 devices of 28 mg, twice weekly in weeks 1-4. Source: DOMAIN.md 3. */
export const ESKETAMINE_INDUCTION_MG = 56;

const weightOf = (patientIndex: number) => {
  const profile = PROFILES[patientIndex];
  if (!profile) throw new Error(`demo ledger: no demo patient ${patientIndex}`);
  return profile.weightKg;
};
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The story of both demo clinics for a moment `now`; every event is on an open day before today, in opening hours.
 * Source: issue 5 item 8; doses from DOMAIN.md 2 and 3 (see the compute functions above). */
export function buildDemoLedgerStories(now: Date): [DemoLedgerStory, DemoLedgerStory] {
  return [buildClinicStory(0, now), buildClinicStory(1, now)];
}

type AdministrationStep = Extract<DemoLedgerStep, { kind: 'administration' }>;
type ClinicSpec = (typeof CLINIC_SPECS)[number];

function buildClinicStory(clinicIndex: 0 | 1, now: Date): DemoLedgerStory {
  const clinic = DEMO_CLINICS[clinicIndex];
  const spec = CLINIC_SPECS[clinicIndex];
  const today = toLocalDate(now.toISOString(), clinic.timeZone);
  const clock = createStoryClock(today, clinic);
  const esketamine = spec.mood.route === 'esketamine';
  const lots: DemoLot[] = [
    demoLot('k10', 'ketamine-10-mg-ml', 10, shiftIsoDateByDays(today, 540)),
    demoLot('k50', 'ketamine-50-mg-ml', 50, shiftIsoDateByDays(today, 540)),
  ];
  if (esketamine) {
    const device = demoLot('esk', 'esketamine-28-mg-device', 140, shiftIsoDateByDays(today, 400));
    lots.push({ ...device, form: 'nasal-device', containerVolumeMl: 0.2 }); // 28 mg / 0.2 mL (DOMAIN.md 3)
  }
  const invoiceNumber = `SWS-${today.slice(2, 4)}-${4100 + clinicIndex * 17}`;
  const steps = [...buildSupplySteps(clock, invoiceNumber, esketamine), ...buildMoodSteps(clock, spec), ...buildCrpsSteps(clock, spec)];
  // Posting order is recording order (a stable sort keeps same-minute steps as written).
  steps.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return {
    clinicIndex,
    registration: {
      deaNumber: spec.deaNumber,
      registrantName: clinic.name,
      address: clinic.address,
      expiresOn: shiftIsoDateByDays(today, spec.expiresInDays),
      occurredAt: clock.afterOpening(STORY_OPEN_DAYS, 0),
    },
    supplier: { ...DEMO_SUPPLIER },
    lots,
    steps,
  };
}

function demoLot(key: DemoLotKey, productId: string, concentrationMgPerMl: number, expiresOn: string): DemoLot {
  const lotNumber = `DEMO-${key.toUpperCase()}-${expiresOn.slice(0, 7).replace('-', '')}`;
  return { key, productId, form: 'vial', lotNumber, expiresOn, containerVolumeMl: VIAL_ML, concentrationMgPerMl };
}

/** First day: one wholesaler shipment into the main safe, then a few sealed vials moved to the infusion room lockbox. */
function buildSupplySteps(clock: StoryClock, invoiceNumber: string, esketamine: boolean): DemoLedgerStep[] {
  const day = STORY_OPEN_DAYS;
  const receivedOn = clock.date(day);
  const receipt = (lot: DemoLotKey, containers: number, minute: number): DemoLedgerStep => {
    const at = clock.afterOpening(day, minute);
    return {
      kind: 'receipt',
      key: `receipt-${lot}`,
      occurredAt: at,
      recordedAt: at,
      actor: 'nurse',
      lot,
      location: 'safe',
      containers,
      invoiceNumber,
      receivedOn,
    };
  };
  const move = (lot: DemoLotKey, containers: number, minute: number): DemoLedgerStep => {
    const at = clock.afterOpening(day, minute);
    return {
      kind: 'move',
      key: `move-${lot}`,
      occurredAt: at,
      recordedAt: at,
      actor: 'nurse',
      lot,
      from: 'safe',
      to: 'lockbox',
      containers,
    };
  };
  return [
    receipt('k10', 20, 30),
    receipt('k50', 10, 31),
    ...(esketamine ? [receipt('esk', 12, 32)] : []),
    move('k10', 4, 45),
    move('k50', 3, 46),
  ];
}

/** Depression sessions twice a week: IV ketamine from a single-use vial (remainder wasted, witnessed) or esketamine. */
function buildMoodSteps(clock: StoryClock, spec: ClinicSpec): DemoLedgerStep[] {
  const patientIndex = spec.mood.patientIndex;
  return [12, 8, 4].map((k): DemoLedgerStep => {
    const at = clock.afterOpening(k, 40);
    const base = { kind: 'administration', key: `mood-${k}`, occurredAt: at, recordedAt: at, actor: 'nurse', patientIndex } as const;
    if (spec.mood.route === 'esketamine') {
      return { ...base, source: { lot: 'esk', location: 'safe' }, administered: { value: ESKETAMINE_INDUCTION_MG, unit: 'mg' } };
    }
    const ml = computeDepressionInfusionMg(weightOf(patientIndex)) / 10;
    return {
      ...base,
      source: { lot: 'k10', location: 'lockbox', opens: `k10-vial-${k}` },
      administered: { value: ml, unit: 'mL' },
      wasted: { value: round1(VIAL_ML - ml), unit: 'mL' },
      witness: 'physician',
    };
  });
}

/**
 * CRPS infusions from 50 mg/mL vials: one single-use vial with its remainder wasted, then a multi-dose vial kept open.
 * One draw is mistyped 0.2 mL low; the next opening count finds it, a correction and a re-post resolve it.
 */
function buildCrpsSteps(clock: StoryClock, spec: ClinicSpec): DemoLedgerStep[] {
  const firstMl = computeCrpsInfusionMg(weightOf(spec.crpsFirst)) / 50;
  const secondMl = computeCrpsInfusionMg(weightOf(spec.crpsSecond)) / 50;
  const mistypedMl = round1(firstMl - 0.2);
  const administer = (
    key: string,
    at: string,
    patientIndex: number,
    source: AdministrationStep['source'],
    ml: number,
    extra: Partial<AdministrationStep> = {},
  ): DemoLedgerStep => ({
    kind: 'administration',
    key,
    occurredAt: at,
    recordedAt: at,
    actor: 'nurse',
    patientIndex,
    source,
    administered: { value: ml, unit: 'mL' },
    ...extra,
  });
  const record = (key: string, at: string) => ({ key, occurredAt: at, recordedAt: at, actor: 'nurse' as const });
  const vial = { container: 'multi-dose' };
  return [
    administer(
      'crps-10',
      clock.afterOpening(10, 30),
      spec.crpsSecond,
      { lot: 'k50', location: 'lockbox', opens: 'k50-vial-10' },
      secondMl,
      {
        wasted: { value: round1(VIAL_ML - secondMl), unit: 'mL' },
        witness: 'physician',
      },
    ),
    administer('crps-3', clock.afterOpening(3, 30), spec.crpsSecond, { lot: 'k50', location: 'lockbox', opens: 'multi-dose' }, secondMl, {
      note: 'Multi-dose vial kept in the infusion room lockbox for the infusion series.',
    }),
    administer('crps-2-recorded', clock.afterOpening(2, 30), spec.crpsFirst, vial, mistypedMl),
    {
      ...record('count-opening', clock.afterOpening(1, 5)),
      kind: 'count',
      timeOfDay: 'opening',
      secondCounter: 'physician',
      note: 'Daily opening count.',
      differencesMl: { 'multi-dose': -0.2 },
    },
    {
      ...record('correction', clock.afterOpening(1, 20)),
      kind: 'correction',
      reverses: 'crps-2-recorded',
      secondSigner: 'physician',
      reason: `Recorded ${mistypedMl} mL; the infusion chart and the syringe label show ${firstMl} mL drawn.`,
    },
    administer('crps-2', clock.afterOpening(2, 30), spec.crpsFirst, vial, firstMl, {
      recordedAt: clock.afterOpening(1, 21),
      note: 'Re-posted with the charted volume after the correction of the mistyped entry.',
    }),
    {
      ...record('resolution', clock.afterOpening(1, 25)),
      kind: 'discrepancy_action',
      count: 'count-opening',
      container: 'multi-dose',
      correction: 'correction',
      note: 'Mistyped administration volume, corrected and re-posted; the vial now matches the book.',
    },
    administer('crps-1', clock.afterOpening(1, 30), spec.crpsFirst, vial, firstMl),
    {
      ...record('count-close', clock.beforeClosing(1, 15)),
      kind: 'count',
      timeOfDay: 'close',
      secondCounter: 'physician',
      note: 'Daily close-of-business count.',
      differencesMl: {},
    },
  ];
}

/** Balances after the story (or just before the step `beforeKey`), non-zero only, as the ledger would hold them.
 * Source: ledger contract (sealed stock in whole containers, opened containers in mL; mL and mg follow the lot). */
export function simulateDemoLedger(story: DemoLedgerStory, beforeKey?: string): DemoBalance[] {
  const lots = new Map(story.lots.map((lot) => [lot.key, lot]));
  const balances = new Map<string, DemoBalance>();
  const containers = new Map<string, { lot: DemoLotKey; location: DemoLocationKey }>();
  const administered = new Map<string, { lot: DemoLotKey; location: DemoLocationKey; container: string | null; amount: Amount }>();
  const apply = (lot: DemoLotKey, location: DemoLocationKey, container: string | null, delta: Amount, sign: 1 | -1) => {
    const id = `${lot}|${location}|${container ?? ''}`;
    const held = balances.get(id)?.amount ?? { containers: 0, ml: 0, mg: 0 };
    const amount = roundAmount({
      containers: held.containers + sign * delta.containers,
      ml: held.ml + sign * delta.ml,
      mg: held.mg + sign * delta.mg,
    });
    if (amount.containers < 0 || amount.ml < 0 || amount.mg < 0) throw new Error(`demo ledger: ${id} would go negative`);
    balances.set(id, { lot, location, container, amount });
  };
  const amountOf = (lot: DemoLotKey, q: DemoQuantity) => roundAmount(toAmount(q.value, q.unit, lots.get(lot)!));
  for (const step of story.steps) {
    if (step.key === beforeKey) break;
    if (step.kind === 'receipt') apply(step.lot, step.location, null, amountOf(step.lot, { value: step.containers, unit: 'container' }), 1);
    if (step.kind === 'move') {
      const amount = amountOf(step.lot, { value: step.containers, unit: 'container' });
      apply(step.lot, step.from, null, amount, -1);
      apply(step.lot, step.to, null, amount, 1);
    }
    if (step.kind === 'administration') {
      let bucket: { lot: DemoLotKey; location: DemoLocationKey; container: string | null };
      if ('container' in step.source) bucket = { ...containers.get(step.source.container)!, container: step.source.container };
      else if (step.source.opens) {
        const { lot, location, opens } = step.source;
        const full = amountOf(lot, { value: 1, unit: 'container' });
        apply(lot, location, null, full, -1);
        apply(lot, location, opens, full, 1);
        containers.set(opens, { lot, location });
        bucket = { lot, location, container: opens };
      } else bucket = { lot: step.source.lot, location: step.source.location, container: null };
      const amount = amountOf(bucket.lot, step.administered);
      apply(bucket.lot, bucket.location, bucket.container, amount, -1);
      administered.set(step.key, { ...bucket, amount });
      if (step.wasted) apply(bucket.lot, bucket.location, bucket.container, amountOf(bucket.lot, step.wasted), -1);
    }
    if (step.kind === 'correction') {
      const original = administered.get(step.reverses)!;
      apply(original.lot, original.location, original.container, original.amount, 1);
    }
  }
  return [...balances.values()].filter((b) => b.amount.containers !== 0 || b.amount.ml !== 0 || b.amount.mg !== 0);
}
