import type { DoseCheckInput } from './dose-check.ts';
import type { DrugLibrary } from './drug-library.ts';
import type { FieldIssue } from './regimen.ts';
import { type Dimension, getDimension, parseQuantity, type Quantity } from './units.ts';

/**
 * Edge parsing for a dose check (CLI `dose check`, HTTP): strings in, typed quantities out, or field-named
 * issues. Input that cannot be read is an error here; a readable proposal that breaks a limit is a verdict.
 */

export interface DoseCheckRequest {
  productId: string;
  profileId: string;
  weightKg: number;
  dose?: string;
  rate?: string;
  givenSession?: string;
  given24h?: string;
  durationMin?: number;
  concentration?: string;
}

export type DoseRequestResult = { ok: true; value: DoseCheckInput } | { ok: false; issues: FieldIssue[] };

function parseField(
  text: string | undefined,
  field: string,
  allowed: readonly Dimension[],
  expected: string,
  issues: FieldIssue[],
): Quantity | undefined {
  if (text === undefined) return undefined;
  const parsed = parseQuantity(text);
  if (!parsed.ok) {
    issues.push({ field, message: parsed.error });
    return undefined;
  }
  if (!allowed.includes(getDimension(parsed.value.unit))) {
    issues.push({ field, message: `"${text}" is not ${expected}` });
    return undefined;
  }
  return parsed.value;
}

/** Ids known to the library, a positive weight, exactly one of dose or rate, a positive duration. */
function checkIdsAndNumbers(library: DrugLibrary, request: DoseCheckRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!library.products.some((p) => p.id === request.productId)) {
    issues.push({
      field: 'product',
      message: `unknown product "${request.productId}"; known: ${library.products.map((p) => p.id).join(', ')}`,
    });
  }
  if (!library.profiles.some((p) => p.id === request.profileId)) {
    issues.push({
      field: 'profile',
      message: `unknown profile "${request.profileId}"; known: ${library.profiles.map((p) => p.id).join(', ')}`,
    });
  }
  if (!Number.isFinite(request.weightKg) || request.weightKg <= 0) {
    issues.push({ field: 'weightKg', message: `${request.weightKg} is not a weight in kg` });
  }
  if ((request.dose === undefined) === (request.rate === undefined)) {
    issues.push({ field: 'dose', message: 'give exactly one of dose or rate' });
  }
  if (request.durationMin !== undefined && (!Number.isFinite(request.durationMin) || request.durationMin <= 0)) {
    issues.push({ field: 'durationMin', message: `${request.durationMin} must be a number of minutes > 0` });
  }
  return issues;
}

/** Parses and checks a dose-check request against the library's ids (issue 3, item 8 "dose check"; bad input).
 *  Exactly one of dose or rate; weight must be a positive number (the 30-300 kg range is a verdict). */
export function parseDoseCheckRequest(library: DrugLibrary, request: DoseCheckRequest): DoseRequestResult {
  const issues = checkIdsAndNumbers(library, request);
  const mass: Dimension[] = ['mass', 'massPerKg'];
  const dose = parseField(request.dose, 'dose', mass, 'a dose (mg, mcg, g, mg/kg, mcg/kg); a rate goes in rate', issues);
  const rate = parseField(
    request.rate,
    'rate',
    ['massRate', 'massRatePerKg', 'volumeRate'],
    'a rate (mg/h, mg/min, mg/day, mg/kg/h, mcg/kg/min, mcg/kg/h, or mL/h with the concentration)',
    issues,
  );
  const givenSession = parseField(request.givenSession, 'givenSession', mass, 'an amount (mg, mcg, g, mg/kg)', issues);
  const given24h = parseField(request.given24h, 'given24h', mass, 'an amount (mg, mcg, g, mg/kg)', issues);
  const concentration = parseField(
    request.concentration,
    'concentration',
    ['concentration', 'percentWw'],
    'a concentration (mg/mL or % w/w)',
    issues,
  );
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      library,
      productId: request.productId,
      profileId: request.profileId,
      weightKg: request.weightKg,
      dose,
      rate,
      givenSession,
      given24h,
      durationMin: request.durationMin,
      concentration,
    },
  };
}
