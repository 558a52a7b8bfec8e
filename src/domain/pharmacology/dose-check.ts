import type { DoseLimit, DrugLibrary, LibraryEntry, LimitKind, Product } from './drug-library.ts';
import { findLibraryEntry } from './drug-library.ts';
import { getDimension, type Quantity, resolveDoseMg, resolveRateMgPerH, toCanonical } from './units.ts';

/**
 * Pump-style dose-error reduction (DOMAIN.md 13; issue 3, item 7): a proposed dose or rate against the library
 * entry for a product in a care-area profile. Clinical outcomes are values: ok, soft (needs a physician's
 * override reason) or hard (refused), with every violated limit named.
 */

export interface DoseCheckInput {
  library: DrugLibrary;
  productId: string;
  profileId: string;
  weightKg: number;
  dose?: Quantity;
  rate?: Quantity;
  givenSession?: Quantity;
  given24h?: Quantity;
  durationMin?: number;
  concentration?: Quantity;
}

export type Severity = 'soft' | 'hard';

export interface Violation {
  /** Dotted name: <kind>.<bound> (rate.hardMax) or a structural check (product.notInProfile). */
  limit: string;
  value: number;
  limitValue: number;
  unit: string;
  severity: Severity;
  source?: string;
}

export interface DoseCheckResult {
  verdict: 'ok' | Severity;
  violations: Violation[];
  /** Volume to draw (mL) rounded to the entry's measurable step; null when no concentration applies. */
  volumeMl: number | null;
  /** Pump rate (mL/h) for a rate, rounded to the pump's step. */
  pumpRateMlPerH: number | null;
  /** Slips that would explain the breach (for example "1000x: mg entered for mcg"). */
  slipHints: string[];
  libraryVersion: string;
  entryId: string | null;
}

const BOUNDS = [
  ['hardMin', 'hard', (v: number, b: number) => v < b],
  ['softMin', 'soft', (v: number, b: number) => v < b],
  ['softMax', 'soft', (v: number, b: number) => v > b],
  ['hardMax', 'hard', (v: number, b: number) => v > b],
] as const;

// Relative tolerance so that a value equal to a limit after exact unit conversion is not a breach.
const EQUALITY_TOLERANCE = 1e-9;

function compareToLimit(l: DoseLimit, value: number): Violation[] {
  const out: Violation[] = [];
  for (const [name, severity, breaches] of BOUNDS) {
    const b = l[name];
    if (b !== undefined && breaches(value, b) && Math.abs(value - b) > EQUALITY_TOLERANCE * Math.max(1, b)) {
      out.push({ limit: `${l.kind}.${name}`, value, limitValue: b, unit: l.unit, severity, source: l.source });
    }
  }
  return out;
}

/** Amounts of one kind in every unit a limit may use. */
type Amounts = Partial<Record<DoseLimit['unit'], number>>;

function checkAmounts(entry: LibraryEntry, kind: LimitKind, amounts: Amounts): Violation[] {
  return entry.limits
    .filter((l) => l.kind === kind)
    .flatMap((l) => {
      const value = amounts[l.unit];
      return value === undefined ? [] : compareToLimit(l, value);
    });
}

const structural = (limit: string, value: number, limitValue: number, unit: string): Violation => ({
  limit,
  value,
  limitValue,
  unit,
  severity: 'hard',
});

function resolveConcentration(input: DoseCheckInput, entry: LibraryEntry, product: Product, violations: Violation[]) {
  const stock = product.concentrationMgPerMl;
  if (input.concentration) {
    const dimension = getDimension(input.concentration.unit);
    const percentExpected = entry.route === 'topical';
    if ((dimension === 'percentWw') !== percentExpected || (dimension !== 'percentWw' && dimension !== 'concentration')) {
      violations.push(structural('concentration.unit', input.concentration.value, 0, percentExpected ? '% w/w' : 'mg/mL'));
      return undefined;
    }
    const value = toCanonical(input.concentration);
    violations.push(...checkAmounts(entry, 'concentration', { [percentExpected ? '% w/w' : 'mg/mL']: value }));
    // A dilution can only lower the stock strength; a higher figure means the wrong vial or a slip.
    if (!percentExpected && stock !== undefined && value > stock * (1 + EQUALITY_TOLERANCE)) {
      violations.push(structural('concentration.aboveStock', value, stock, 'mg/mL'));
    }
    return percentExpected ? undefined : value;
  }
  const fallback = input.rate ? (entry.standardConcentrationMgPerMl ?? stock) : stock;
  if (fallback !== undefined) violations.push(...checkAmounts(entry, 'concentration', { 'mg/mL': fallback }));
  return fallback;
}

function toMassAmounts(q: Quantity | undefined, weightKg: number, extraMg: number): Amounts {
  const mg = (q ? (resolveDoseMg(q, weightKg) ?? Number.NaN) : 0) + extraMg;
  return { mg, 'mg/kg': mg / weightKg };
}

const roundToStep = (value: number, step: number) => Math.round(value / step) * step;
const tidy = (value: number) => Number(value.toPrecision(12));

/** Checks a proposed dose or rate against the library (DOMAIN.md 13; issue 3, item 7): weight plausibility,
 *  product/profile/mode, bolus, rate, duration, cumulative session and 24 h limits, concentration, volume. */
export function checkDose(input: DoseCheckInput): DoseCheckResult {
  const { library, weightKg } = input;
  const violations: Violation[] = [];
  const result = (
    entryId: string | null,
    volumeMl: number | null,
    pumpRateMlPerH: number | null,
    slipHints: string[] = [],
  ): DoseCheckResult => ({
    verdict: violations.some((v) => v.severity === 'hard') ? 'hard' : violations.length > 0 ? 'soft' : 'ok',
    violations,
    volumeMl,
    pumpRateMlPerH,
    slipHints,
    libraryVersion: library.version,
    entryId,
  });
  const range = library.weightKgRange;
  if (!(weightKg >= range.min)) violations.push(structural('weight.hardMin', weightKg, range.min, 'kg'));
  if (weightKg > range.max) violations.push(structural('weight.hardMax', weightKg, range.max, 'kg'));
  const { product, profile, entry } = findLibraryEntry(library, input.productId, input.profileId);
  if (!product) violations.push(structural('product.unknown', 0, 0, ''));
  if (!profile) violations.push(structural('profile.unknown', 0, 0, ''));
  if (product && profile && !entry) violations.push(structural('product.notInProfile', 0, 0, ''));
  if (!product || !entry) return result(null, null, null);
  const concentration = resolveConcentration(input, entry, product, violations);
  const given = checkGivenAndProposed(input, entry, violations, concentration);
  const { volumeMl, pumpRateMlPerH } = computeVolumes(entry, given, concentration, input.durationMin, violations);
  const slipHints = violations.some((v) => v.limit.startsWith('bolus.') || v.limit.startsWith('rate.')) ? findSlips(input, entry) : [];
  return result(entry.id, volumeMl, pumpRateMlPerH, slipHints);
}

interface Proposed {
  doseMg?: number;
  rateMgPerH?: number;
}

function checkGivenAndProposed(
  input: DoseCheckInput,
  entry: LibraryEntry,
  violations: Violation[],
  concentration: number | undefined,
): Proposed {
  const { weightKg } = input;
  const proposed: Proposed = {};
  if (input.dose) {
    if (!entry.modes.includes('bolus')) violations.push(structural('bolus.notAllowed', input.dose.value, 0, input.dose.unit));
    proposed.doseMg = resolveDoseMg(input.dose, weightKg);
    if (proposed.doseMg === undefined) violations.push(structural('bolus.unit', input.dose.value, 0, input.dose.unit));
  }
  if (input.rate) {
    if (!entry.modes.includes('rate')) violations.push(structural('rate.notAllowed', input.rate.value, 0, input.rate.unit));
    proposed.rateMgPerH = resolveProposedRateMgPerH(input.rate, weightKg, concentration);
    if (proposed.rateMgPerH === undefined) violations.push(structural('rate.unit', input.rate.value, 0, input.rate.unit));
  }
  if (!input.dose && !input.rate) violations.push(structural('proposal.missing', 0, 0, ''));
  const { doseMg, rateMgPerH } = proposed;
  if (doseMg !== undefined) {
    violations.push(...checkAmounts(entry, 'bolus', { mg: doseMg, 'mg/kg': doseMg / weightKg }));
    const step = entry.doseStepMg;
    if (step !== undefined && Math.abs(doseMg / step - Math.round(doseMg / step)) > 1e-9) {
      violations.push(structural('bolus.step', doseMg, step, 'mg'));
    }
  }
  if (rateMgPerH !== undefined) violations.push(...checkAmounts(entry, 'rate', { 'mg/h': rateMgPerH, 'mg/kg/h': rateMgPerH / weightKg }));
  if (input.durationMin !== undefined) violations.push(...checkAmounts(entry, 'duration', { min: input.durationMin }));
  const thisMg = (doseMg ?? 0) + (rateMgPerH !== undefined && input.durationMin !== undefined ? (rateMgPerH * input.durationMin) / 60 : 0);
  violations.push(...checkAmounts(entry, 'cumulativeSession', toMassAmounts(input.givenSession, weightKg, thisMg)));
  violations.push(...checkAmounts(entry, 'cumulative24h', toMassAmounts(input.given24h, weightKg, thisMg)));
  return proposed;
}

/** A rate in mg/h; a pump rate in mL/h is converted with the concentration in the line (given or standard). */
function resolveProposedRateMgPerH(rate: Quantity, weightKg: number, concentrationMgPerMl: number | undefined): number | undefined {
  if (getDimension(rate.unit) !== 'volumeRate') return resolveRateMgPerH(rate, weightKg);
  return concentrationMgPerMl === undefined ? undefined : toCanonical(rate) * concentrationMgPerMl;
}

function computeVolumes(
  entry: LibraryEntry,
  proposed: Proposed,
  concentration: number | undefined,
  durationMin: number | undefined,
  violations: Violation[],
) {
  if (concentration === undefined) return { volumeMl: null, pumpRateMlPerH: null };
  let volumeMl: number | null = null;
  let pumpRateMlPerH: number | null = null;
  if (proposed.doseMg !== undefined) volumeMl = tidy(roundToStep(proposed.doseMg / concentration, entry.volumeStepMl));
  if (proposed.rateMgPerH !== undefined) {
    pumpRateMlPerH = tidy(roundToStep(proposed.rateMgPerH / concentration, entry.pumpRateStepMlPerH));
    if (durationMin !== undefined)
      volumeMl = tidy(roundToStep((proposed.rateMgPerH * durationMin) / 60 / concentration, entry.volumeStepMl));
  }
  const exact = proposed.doseMg !== undefined ? proposed.doseMg / concentration : undefined;
  if (volumeMl === 0 && exact !== undefined && exact > 0)
    violations.push(structural('volume.unmeasurable', exact, entry.volumeStepMl, 'mL'));
  return { volumeMl, pumpRateMlPerH };
}

// Factors behind classic slips (DOMAIN.md 13): unit prefixes and per-kg confusion, and mg/kg/h vs mcg/kg/min (x 16.67).
const SLIPS: Array<{ factor: (weightKg: number) => number; label: string }> = [
  { factor: () => 1000, label: '1000x too high: mg entered where mcg was meant?' },
  { factor: () => 100, label: '100x too high: decimal point slip?' },
  { factor: () => 10, label: '10x too high: decimal point slip or wrong vial strength?' },
  { factor: () => 1 / 10, label: '10x too low: decimal point slip?' },
  { factor: () => 1 / 100, label: '100x too low: decimal point slip?' },
  { factor: () => 1 / 1000, label: '1000x too low: mcg entered where mg was meant?' },
  { factor: (w) => w, label: 'weight-fold too high: mg/kg entered where mg was meant?' },
  { factor: (w) => 1 / w, label: 'weight-fold too low: mg entered where mg/kg was meant?' },
  { factor: () => 1000 / 60, label: '16.67x too high: mg/kg/h entered where mcg/kg/min was meant?' },
  { factor: () => 60 / 1000, label: '16.67x too low: mcg/kg/min entered where mg/kg/h was meant?' },
];

function findSlips(input: DoseCheckInput, entry: LibraryEntry): string[] {
  const check = (q: Quantity | undefined, kind: 'bolus' | 'rate') => {
    if (!q) return [];
    const amount = kind === 'bolus' ? resolveDoseMg(q, input.weightKg) : resolveRateMgPerH(q, input.weightKg);
    if (amount === undefined) return [];
    const unitMg = kind === 'bolus' ? 'mg' : 'mg/h';
    const unitPerKg = kind === 'bolus' ? 'mg/kg' : 'mg/kg/h';
    return SLIPS.filter(({ factor }) => {
      const corrected = amount / factor(input.weightKg);
      return checkAmounts(entry, kind, { [unitMg]: corrected, [unitPerKg]: corrected / input.weightKg }).length === 0;
    }).map((s) => s.label);
  };
  return [...check(input.dose, 'bolus'), ...check(input.rate, 'rate')];
}
