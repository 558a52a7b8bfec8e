/**
 * Strict quantities for doses, rates, volumes and concentrations (issue 3, item 1; DOMAIN.md 13).
 * A quantity is parsed once at the edge into `{ value, unit }`; conversions use exact rational factors
 * (1 mg = 1000 mcg, 1 h = 60 min, 1 day = 24 h). An unknown or ambiguous unit is an error, never a guess.
 */

export type Dimension =
  | 'mass' // canonical mg
  | 'massPerKg' // canonical mg/kg
  | 'massRate' // canonical mg/h
  | 'massRatePerKg' // canonical mg/kg/h
  | 'volume' // canonical mL
  | 'volumeRate' // canonical mL/h
  | 'concentration' // canonical mg/mL
  | 'percentWw'; // canonical % w/w (topical products)

export const UNIT_SYMBOLS = [
  'mg',
  'mcg',
  'g',
  'mg/kg',
  'mcg/kg',
  'mg/h',
  'mg/min',
  'mg/day',
  'mg/kg/h',
  'mcg/kg/min',
  'mcg/kg/h',
  'mL',
  'mL/h',
  'mg/mL',
  '% w/w',
] as const;
export type UnitSymbol = (typeof UNIT_SYMBOLS)[number];

export interface Quantity {
  readonly value: number;
  readonly unit: UnitSymbol;
}

interface UnitInfo {
  dimension: Dimension;
  /** value in canonical unit = value * numerator / denominator (both exact integers). */
  numerator: number;
  denominator: number;
}

const UNIT_INFO: Record<UnitSymbol, UnitInfo> = {
  mg: { dimension: 'mass', numerator: 1, denominator: 1 },
  mcg: { dimension: 'mass', numerator: 1, denominator: 1000 },
  g: { dimension: 'mass', numerator: 1000, denominator: 1 },
  'mg/kg': { dimension: 'massPerKg', numerator: 1, denominator: 1 },
  'mcg/kg': { dimension: 'massPerKg', numerator: 1, denominator: 1000 },
  'mg/h': { dimension: 'massRate', numerator: 1, denominator: 1 },
  'mg/min': { dimension: 'massRate', numerator: 60, denominator: 1 },
  'mg/day': { dimension: 'massRate', numerator: 1, denominator: 24 },
  'mg/kg/h': { dimension: 'massRatePerKg', numerator: 1, denominator: 1 },
  // 1 mg/kg/h = 16.67 mcg/kg/min (DOMAIN.md 13): mcg/kg/min -> mg/kg/h is x 60 / 1000.
  'mcg/kg/min': { dimension: 'massRatePerKg', numerator: 60, denominator: 1000 },
  'mcg/kg/h': { dimension: 'massRatePerKg', numerator: 1, denominator: 1000 },
  mL: { dimension: 'volume', numerator: 1, denominator: 1 },
  'mL/h': { dimension: 'volumeRate', numerator: 1, denominator: 1 },
  'mg/mL': { dimension: 'concentration', numerator: 1, denominator: 1 },
  '% w/w': { dimension: 'percentWw', numerator: 1, denominator: 1 },
};

export const CANONICAL_UNIT: Record<Dimension, UnitSymbol> = {
  mass: 'mg',
  massPerKg: 'mg/kg',
  massRate: 'mg/h',
  massRatePerKg: 'mg/kg/h',
  volume: 'mL',
  volumeRate: 'mL/h',
  concentration: 'mg/mL',
  percentWw: '% w/w',
};

/** Spellings accepted for each unit. Case matters only where it is unambiguous in clinical writing (mL, not ML). */
const ALIASES: Record<string, UnitSymbol> = {
  mg: 'mg',
  mcg: 'mcg',
  µg: 'mcg', // micro sign U+00B5
  μg: 'mcg', // Greek small mu U+03BC
  g: 'g',
  'mg/kg': 'mg/kg',
  'mcg/kg': 'mcg/kg',
  'µg/kg': 'mcg/kg',
  'μg/kg': 'mcg/kg',
  'mg/h': 'mg/h',
  'mg/hr': 'mg/h',
  'mg/min': 'mg/min',
  'mg/day': 'mg/day',
  'mg/24h': 'mg/day',
  'mg/kg/h': 'mg/kg/h',
  'mg/kg/hr': 'mg/kg/h',
  'mcg/kg/min': 'mcg/kg/min',
  'µg/kg/min': 'mcg/kg/min',
  'μg/kg/min': 'mcg/kg/min',
  'mcg/kg/h': 'mcg/kg/h',
  'mcg/kg/hr': 'mcg/kg/h',
  'µg/kg/h': 'mcg/kg/h',
  'μg/kg/h': 'mcg/kg/h',
  ml: 'mL',
  mL: 'mL',
  'ml/h': 'mL/h',
  'mL/h': 'mL/h',
  'ml/hr': 'mL/h',
  'mL/hr': 'mL/h',
  'mg/ml': 'mg/mL',
  'mg/mL': 'mg/mL',
  '%': '% w/w',
  '%w/w': '% w/w',
};

/** Spellings refused with a reason: each is a known source of 10x-1000x errors or has two readings (ISMP). */
const REFUSED: Record<string, string> = {
  ug: 'write "mcg": "ug" is easily misread as "mg"',
  'ug/kg': 'write "mcg/kg": "ug" is easily misread as "mg"',
  'ug/kg/min': 'write "mcg/kg/min": "ug" is easily misread as "mg"',
  'ug/kg/h': 'write "mcg/kg/h": "ug" is easily misread as "mg"',
  cc: 'write "mL"',
  'mg/d': 'write "mg/day": "d" is ambiguous',
  'mg/kg/day': 'a per-kg daily rate is not a supported dosing unit; give mg/kg/h or mg/day',
  'mg/kg/min': 'mg/kg/min is not a supported dosing unit; give mcg/kg/min or mg/kg/h',
  'mcg/min': 'mcg/min is not a supported dosing unit; give mg/min or mcg/kg/min',
  'mcg/h': 'mcg/h is not a supported dosing unit; give mg/h or mcg/kg/h',
  units: 'ketamine is dosed by mass, not in units',
  u: 'ketamine is dosed by mass, not in units',
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

// Digits with an optional fraction; a leading naked decimal (".5") is refused: it hides a 10x slip (ISMP).
const QUANTITY_PATTERN = /^([0-9]+(?:\.[0-9]+)?)\s*(.+)$/;

/** Parses "0.35 mg/kg", "5 mcg/kg/min", "10 % w/w"; rejects unknown, ambiguous or missing units and bad numbers.
 *  Units and exact factors: issue 3 item 1; error-prone spellings refused per ISMP (DOMAIN.md 13). */
export function parseQuantity(text: string): ParseResult<Quantity> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'is empty; give a number and a unit, e.g. "0.35 mg/kg"' };
  if (/^[-+]/.test(trimmed)) return { ok: false, error: `"${text}": a quantity cannot be negative or signed` };
  if (/^\./.test(trimmed)) return { ok: false, error: `"${text}": write a leading zero (0.5, not .5)` };
  const match = QUANTITY_PATTERN.exec(trimmed);
  if (!match) return { ok: false, error: `"${text}" is not a number followed by a unit, e.g. "0.35 mg/kg"` };
  const value = Number(match[1]);
  const unitText = (match[2] ?? '').replace(/\s+/g, '');
  if (!Number.isFinite(value)) return { ok: false, error: `"${text}": the number is not finite` };
  const refused = REFUSED[unitText] ?? REFUSED[unitText.toLowerCase()];
  if (refused) return { ok: false, error: `"${text}": unit "${match[2]}" refused: ${refused}` };
  const unit = ALIASES[unitText];
  if (!unit) return { ok: false, error: `"${text}": unknown unit "${match[2]}"; known units: ${UNIT_SYMBOLS.join(', ')}` };
  return { ok: true, value: { value, unit } };
}

/** The dimension (mass, massPerKg, massRate, massRatePerKg, volume, volumeRate, concentration, percentWw)
 *  of a unit; conversions are only defined within one dimension (issue 3, item 1). */
export function getDimension(unit: UnitSymbol): Dimension {
  return UNIT_INFO[unit].dimension;
}

/** Converts a quantity to another unit of the same dimension with exact rational factors (issue 3, item 1).
 *  Throws on a dimension mismatch: that is a programmer error, callers check dimensions first. */
export function convertQuantity(quantity: Quantity, to: UnitSymbol): number {
  const from = UNIT_INFO[quantity.unit];
  const target = UNIT_INFO[to];
  if (from.dimension !== target.dimension) {
    throw new Error(`cannot convert ${quantity.unit} (${from.dimension}) to ${to} (${target.dimension})`);
  }
  if (quantity.unit === to) return quantity.value;
  // Combine the factors as one fraction so each conversion rounds once.
  return (quantity.value * from.numerator * target.denominator) / (from.denominator * target.numerator);
}

/** The value in the canonical unit of its dimension (mg, mg/kg, mg/h, mg/kg/h, mL, mL/h, mg/mL, % w/w).
 *  Exact factors per issue 3 item 1. */
export function toCanonical(quantity: Quantity): number {
  return convertQuantity(quantity, CANONICAL_UNIT[UNIT_INFO[quantity.unit].dimension]);
}

/** Resolves a mass (mg, mcg, g) or weight-based mass (mg/kg, mcg/kg) to mg for a patient of weightKg.
 *  Returns undefined for any other dimension (a rate given as a dose). */
export function resolveDoseMg(quantity: Quantity, weightKg: number): number | undefined {
  const dimension = getDimension(quantity.unit);
  if (dimension === 'mass') return toCanonical(quantity);
  if (dimension === 'massPerKg') return toCanonical(quantity) * weightKg;
  return undefined;
}

/** Resolves a rate (mg/h, mg/min, mg/day, mg/kg/h, mcg/kg/min, mcg/kg/h) to mg/h for a patient of weightKg.
 *  Returns undefined for any other dimension (a dose given as a rate); mL/h needs a concentration, see callers. */
export function resolveRateMgPerH(quantity: Quantity, weightKg: number): number | undefined {
  const dimension = getDimension(quantity.unit);
  if (dimension === 'massRate') return toCanonical(quantity);
  if (dimension === 'massRatePerKg') return toCanonical(quantity) * weightKg;
  return undefined;
}

/** Formats a quantity as "<value> <unit>" for messages and audit records; parseQuantity reads it back.
 *  Unit spellings: issue 3, item 1. */
export function formatQuantity(quantity: Quantity): string {
  return `${quantity.value} ${quantity.unit}`;
}
