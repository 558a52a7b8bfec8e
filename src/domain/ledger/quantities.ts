/**
 * Ledger quantities (issue 5, item 1): every quantity is recorded as containers, mL and mg at once, consistent
 * through the lot: mL = containers x containerVolumeMl, mg = mL x concentrationMgPerMl (DOMAIN.md 10, 1304.22(c):
 * "units or volume per commercial container"). Stored scales: containers 4 decimals, mL and mg 3 (ledger contract).
 */

export interface LotMeasure {
  containerVolumeMl: number;
  concentrationMgPerMl: number;
}

export type QuantityUnit = 'container' | 'mL' | 'mg';

/** Always all three; deltas are signed (negative = stock out). */
export interface Amount {
  containers: number;
  ml: number;
  mg: number;
}

export type LedgerProductForm = 'vial' | 'nasal-device' | 'compounded-oral';

/** Decimal places stored per field: numeric(14,4) containers, numeric(14,3) mL and mg (ledger contract). */
export const AMOUNT_DECIMALS = { containers: 4, ml: 3, mg: 3 } as const;

/** Converts value in unit to { containers, mL, mg } for one lot: mL = containers x containerVolumeMl,
 *  mg = mL x concentrationMgPerMl (ledger contract; DOMAIN.md 10). Unrounded; formatDecimals rounds to storage. */
export function toAmount(value: number, unit: QuantityUnit, lot: LotMeasure): Amount {
  const { containerVolumeMl, concentrationMgPerMl } = lot;
  if (!(containerVolumeMl > 0) || !(concentrationMgPerMl > 0)) {
    throw new RangeError('a lot needs a positive containerVolumeMl and concentrationMgPerMl');
  }
  switch (unit) {
    case 'container':
      return { containers: value, ml: value * containerVolumeMl, mg: value * containerVolumeMl * concentrationMgPerMl };
    case 'mL':
      return { containers: value / containerVolumeMl, ml: value, mg: value * concentrationMgPerMl };
    case 'mg':
      // One division per field, so each derived value is rounded once.
      return { containers: value / (concentrationMgPerMl * containerVolumeMl), ml: value / concentrationMgPerMl, mg: value };
  }
}

const CONTAINER_WORDS = new Set(['container', 'containers', 'vial', 'vials', 'device', 'devices', 'bottle', 'bottles']);
const UNIT_WORDS: Record<string, QuantityUnit> = { mL: 'mL', ml: 'mL', mg: 'mg' };

// Digits with an optional fraction; a naked leading decimal (".5") is refused, it hides a 10x slip (ISMP, as units.ts).
const LEDGER_QUANTITY_PATTERN = /^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)$/;

export type ParsedLedgerQuantity = { ok: true; value: number; unit: QuantityUnit } | { ok: false; message: string };

/** Parses '2 containers', '1 vial', '3 devices', '2 bottles', '10 mL', '10 ml', '250 mg' into a positive value
 *  and unit; refuses zero, negative, non-numeric and unknown units (issue 5, "Bad input"). */
export function parseLedgerQuantity(text: string): ParsedLedgerQuantity {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'a quantity is required, e.g. "10 mL" or "1 vial"' };
  if (/^[-+]/.test(trimmed)) return { ok: false, message: `"${trimmed}": a quantity must be a positive number without a sign` };
  if (trimmed.startsWith('.')) return { ok: false, message: `"${trimmed}": write a leading zero (0.5, not .5)` };
  const match = LEDGER_QUANTITY_PATTERN.exec(trimmed);
  if (!match) return { ok: false, message: `"${trimmed}" is not a number followed by a unit, e.g. "10 mL" or "1 vial"` };
  const value = Number(match[1]);
  const word = match[2]!;
  const unit = CONTAINER_WORDS.has(word.toLowerCase()) ? 'container' : UNIT_WORDS[word];
  if (!unit) return { ok: false, message: `"${trimmed}": unknown unit "${word}"; use containers (vial, device, bottle), mL or mg` };
  if (!Number.isFinite(value) || value <= 0) return { ok: false, message: `"${trimmed}": a quantity must be greater than zero` };
  return { ok: true, value, unit };
}

/** Whether a unit suits the product form: vials and compounded-oral bottles take container, mL or mg; a nasal
 *  device is used whole, so it takes container or mg, never mL (DOMAIN.md 3: 28 mg/0.2 mL single-use device). */
export function checkUnitFits(unit: QuantityUnit, form: LedgerProductForm): string | null {
  if (form === 'nasal-device' && unit === 'mL') {
    return 'a nasal device is recorded in whole devices or in mg (a whole number of devices), not in mL';
  }
  return null;
}

// Tolerance for "a whole number of devices" after an mg -> devices division (e.g. 84 mg / 28 mg = 3 exactly or 2.9999999999999996).
const WHOLE_TOLERANCE = 1e-9;

/** For a nasal device, refuses an amount that is not a whole number of devices (e.g. 42 mg of a 28 mg device);
 *  other forms always fit. Completes checkUnitFits, which sees only the unit (DOMAIN.md 3: single-use device). */
export function checkWholeDevices(amount: Amount, form: LedgerProductForm): string | null {
  if (form !== 'nasal-device') return null;
  const devices = Math.abs(amount.containers);
  if (Math.abs(devices - Math.round(devices)) <= WHOLE_TOLERANCE) return null;
  return `a nasal device is used whole: ${amount.mg.toFixed(3).replace(/\.?0+$/, '')} mg is ${devices.toFixed(2)} devices`;
}

function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value} as a ledger decimal`);
  const text = value.toFixed(digits);
  // '-0.000' (a tiny negative rounding to zero, or -0) is written as '0.000', as PostgreSQL numeric does.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Formats an amount with toFixed(4) containers, toFixed(3) mL and mg, identical to PostgreSQL numeric(14,4) and
 *  numeric(14,3) text output, so hashes recompute from stored rows (ledger contract); '-0' becomes '0'. */
export function formatDecimals(amount: Amount): { containers: string; ml: string; mg: string } {
  return {
    containers: fixed(amount.containers, AMOUNT_DECIMALS.containers),
    ml: fixed(amount.ml, AMOUNT_DECIMALS.ml),
    mg: fixed(amount.mg, AMOUNT_DECIMALS.mg),
  };
}

/** Rounds an amount to the stored scale (4/3/3 decimals), i.e. the value PostgreSQL keeps for formatDecimals' text.
 *  Ledger contract, "Decimal strings". */
export function roundAmount(amount: Amount): Amount {
  const text = formatDecimals(amount);
  return { containers: Number(text.containers), ml: Number(text.ml), mg: Number(text.mg) };
}

/** The opposite delta (a correction reverses every line; ledger contract); never produces -0.
 *  Units unchanged: containers, mL, mg. */
export function negateAmount(a: Amount): Amount {
  return { containers: 0 - a.containers, ml: 0 - a.ml, mg: 0 - a.mg };
}
