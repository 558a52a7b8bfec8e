import { z } from 'zod';
import { ABSORPTION_DEFAULTS, type Route, TOPICAL_NOTE } from './absorption.ts';
import { type DrugId, ESKETAMINE_NO_MODEL } from './pk-models.ts';
import { getDimension, parseQuantity, resolveDoseMg, resolveRateMgPerH, toCanonical } from './units.ts';

/**
 * The regimen document (issue 3, item 8): drug plus a list of bolus and infusion events, quantities as strings
 * ("0.35 mg/kg", "0.5 mg/kg/h"). resolveRegimen turns it into inputs in mg and mg/min for one patient.
 */

const time = z.number().finite().min(0, 'must be >= 0 min');
const fraction = z.number().gt(0, 'must be > 0').max(1, 'must be <= 1');
const kaSchema = z.number().finite().positive('must be > 0 /min');
const routeSchema = z.enum(['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical']);

export const bolusEventSchema = z.strictObject({
  type: z.literal('bolus'),
  atMin: time,
  route: routeSchema,
  dose: z.string().max(40),
  /** IV only: give the dose at a constant rate over this many minutes (the label's 1 min for plan templates). */
  overMin: z.number().finite().positive('must be > 0 min').optional(),
  bioavailability: fraction.optional(),
  kaPerMin: kaSchema.optional(),
});

export const infusionEventSchema = z.strictObject({
  type: z.literal('infusion'),
  startMin: time,
  endMin: time,
  route: routeSchema,
  rate: z.string().max(40),
  /** Needed only when the rate is in mL/h. */
  concentration: z.string().max(40).optional(),
  bioavailability: fraction.optional(),
  kaPerMin: kaSchema.optional(),
});

export const regimenSchema = z.strictObject({
  drug: z.enum(['ketamine', 'esketamine']).default('ketamine'),
  events: z.array(z.discriminatedUnion('type', [bolusEventSchema, infusionEventSchema])).max(10_000),
});
export type Regimen = z.input<typeof regimenSchema>;
export type RegimenEvent = z.infer<typeof bolusEventSchema> | z.infer<typeof infusionEventSchema>;

export interface FieldIssue {
  field: string;
  message: string;
}

/** Where an input goes: the central compartment (IV) or a depot with first-order absorption. */
export interface InputTarget {
  route: Route;
  bioavailability: number;
  kaPerMin?: number;
}

export type ResolvedInput =
  | ({ kind: 'instant'; atMin: number; amountMg: number } & InputTarget)
  | ({ kind: 'zero-order'; startMin: number; endMin: number; rateMgPerMin: number } & InputTarget);

export interface ResolvedRegimen {
  drug: DrugId;
  inputs: ResolvedInput[];
  notes: string[];
}

export type RegimenResult = { ok: true; value: ResolvedRegimen } | { ok: false; issues: FieldIssue[] };

/** Formats a zod path as events[1].endMin, so every error names its field.
 *  Issue 3, "Bad input": a clear error naming the field. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(root)';
}

function resolveTarget(event: RegimenEvent, field: string, drug: DrugId, issues: FieldIssue[]): InputTarget | undefined {
  const route = event.route as Route;
  if (route === 'iv') {
    if (event.bioavailability !== undefined) issues.push({ field: `${field}.bioavailability`, message: 'does not apply to iv (F = 1)' });
    return { route, bioavailability: 1 };
  }
  // Esketamine is never simulated (no validated model), so its absorption inputs are not needed.
  if (drug === 'esketamine') return { route, bioavailability: event.bioavailability ?? 1, kaPerMin: event.kaPerMin ?? 1 };
  const defaults = ABSORPTION_DEFAULTS[route];
  const bioavailability = event.bioavailability ?? defaults.bioavailability;
  const kaPerMin = event.kaPerMin ?? defaults.kaPerMin;
  if (bioavailability === undefined)
    issues.push({ field: `${field}.bioavailability`, message: `required for ${route}: ${defaults.bioavailabilitySource}` });
  if (kaPerMin === undefined) issues.push({ field: `${field}.kaPerMin`, message: `required for ${route}: ${defaults.kaSource}` });
  if (bioavailability === undefined || kaPerMin === undefined) return undefined;
  return { route, bioavailability, kaPerMin };
}

function resolveBolus(event: z.infer<typeof bolusEventSchema>, field: string, weightKg: number, drug: DrugId, issues: FieldIssue[]) {
  const parsed = parseQuantity(event.dose);
  if (!parsed.ok) return void issues.push({ field: `${field}.dose`, message: parsed.error });
  const amountMg = resolveDoseMg(parsed.value, weightKg);
  if (amountMg === undefined) {
    return void issues.push({ field: `${field}.dose`, message: `"${event.dose}" is not a dose: give mg, mcg, g, mg/kg or mcg/kg` });
  }
  if (event.overMin !== undefined && event.route !== 'iv') {
    issues.push({ field: `${field}.overMin`, message: 'applies to iv boluses only' });
  }
  const target = resolveTarget(event, field, drug, issues);
  if (!target) return undefined;
  if (event.overMin !== undefined) {
    const end = event.atMin + event.overMin;
    return { kind: 'zero-order', startMin: event.atMin, endMin: end, rateMgPerMin: amountMg / event.overMin, ...target } as const;
  }
  return { kind: 'instant', atMin: event.atMin, amountMg, ...target } as const;
}

function resolveRate(event: z.infer<typeof infusionEventSchema>, field: string, weightKg: number, issues: FieldIssue[]) {
  const parsed = parseQuantity(event.rate);
  if (!parsed.ok) return void issues.push({ field: `${field}.rate`, message: parsed.error });
  if (getDimension(parsed.value.unit) === 'volumeRate') {
    if (event.concentration === undefined) {
      return void issues.push({ field: `${field}.concentration`, message: 'required when the rate is in mL/h' });
    }
    const concentration = parseQuantity(event.concentration);
    if (!concentration.ok || getDimension(concentration.value.unit) !== 'concentration') {
      return void issues.push({ field: `${field}.concentration`, message: `"${event.concentration}" is not a concentration in mg/mL` });
    }
    return toCanonical(parsed.value) * toCanonical(concentration.value);
  }
  const rateMgPerH = resolveRateMgPerH(parsed.value, weightKg);
  if (rateMgPerH === undefined) {
    issues.push({
      field: `${field}.rate`,
      message: `"${event.rate}" is not a rate: give mg/h, mg/min, mg/day, mg/kg/h, mcg/kg/min, mcg/kg/h or mL/h`,
    });
  }
  return rateMgPerH;
}

function resolveInfusion(event: z.infer<typeof infusionEventSchema>, field: string, weightKg: number, drug: DrugId, issues: FieldIssue[]) {
  if (event.endMin <= event.startMin) issues.push({ field: `${field}.endMin`, message: `must be after startMin (${event.startMin})` });
  if (event.route !== 'iv' && event.route !== 'sc') {
    issues.push({ field: `${field}.route`, message: `infusions are iv or sc (pump), not ${event.route}` });
  }
  const rateMgPerH = resolveRate(event, field, weightKg, issues);
  const target = resolveTarget(event, field, drug, issues);
  if (rateMgPerH === undefined || !target || event.endMin <= event.startMin) return undefined;
  return { kind: 'zero-order', startMin: event.startMin, endMin: event.endMin, rateMgPerMin: rateMgPerH / 60, ...target } as const;
}

/** Validates a regimen document and resolves doses to mg and rates to mg/min for weightKg (issue 3, items 3 and 8).
 *  Every problem is returned with its field path; nothing is resolved from a guess. */
export function resolveRegimen(document: unknown, weightKg: number): RegimenResult {
  const parsed = regimenSchema.safeParse(document);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message })) };
  }
  const { drug, events } = parsed.data;
  const issues: FieldIssue[] = [];
  const inputs: ResolvedInput[] = [];
  const notes: string[] = [];
  if (drug === 'esketamine') notes.push(ESKETAMINE_NO_MODEL);
  events.forEach((event, index) => {
    const field = `events[${index}]`;
    if (event.route === 'topical') {
      notes.push(`${field}: ${TOPICAL_NOTE}`);
      return;
    }
    const input =
      event.type === 'bolus' ? resolveBolus(event, field, weightKg, drug, issues) : resolveInfusion(event, field, weightKg, drug, issues);
    if (input) inputs.push(input);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { drug, inputs, notes } };
}
