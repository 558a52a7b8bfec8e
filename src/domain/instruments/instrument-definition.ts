import { z } from 'zod';

/**
 * Data-driven questionnaire definitions (DOMAIN.md 8) and one generic scorer. An instrument is items, the answer
 * options every item shares, and optional score bands; PHQ-9 and DN4 live beside this file, GAD-7, BPI and PGIC
 * follow the same shape.
 */

export interface InstrumentAnswerOption {
  readonly value: number;
  readonly label: string;
  /** LOINC answer code where DOMAIN.md gives one (LA...). */
  readonly loincAnswer?: string;
}

export interface InstrumentItem {
  readonly id: string;
  /** Short label for display and field errors; full item text may be a clinic-supplied resource (licences). */
  readonly label: string;
  readonly loinc?: string;
  readonly loincVerified?: boolean;
}

/** A score band, inclusive at both ends. `verified: false` marks [M] or configurable cut-offs. */
export interface InstrumentBand {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  readonly verified: boolean;
}

/** Sum of items (PHQ-9, GAD-7, DN4), or mean of the answered items valid from `minAnswered` on (BPI interference:
 * mean of 7, valid when >= 4 answered, DOMAIN.md 15). */
export type InstrumentScoring = { readonly method: 'sum' } | { readonly method: 'mean'; readonly minAnswered: number };

export interface InstrumentDefinition {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly source: string;
  readonly loinc?: { readonly panel?: string; readonly total?: string };
  readonly items: readonly InstrumentItem[];
  readonly options: readonly InstrumentAnswerOption[];
  readonly bands?: readonly InstrumentBand[];
  /** Defaults to sum. */
  readonly scoring?: InstrumentScoring;
}

/** Item id -> chosen option value; missing items are allowed here and reported by scoreInstrument. */
export type InstrumentAnswers = Readonly<Record<string, number | undefined>>;

export interface InstrumentIssue {
  readonly field: string;
  readonly code: 'instrument.item_missing' | 'instrument.invalid_answer' | 'instrument.unknown_item';
  readonly message: string;
}

export interface InstrumentResult {
  readonly instrument: string;
  readonly version: string;
  /** Sum (or mean) of the valid answered items; a score to report only when `scorable`. */
  readonly total: number;
  /** Sum: every item answered validly. Mean: at least `minAnswered` items answered validly. */
  readonly scorable: boolean;
  /** Present only when the total is scorable and a band covers it. */
  readonly band?: string;
  readonly bandVerified?: boolean;
  readonly complete: boolean;
  /** Item ids not answered, in item order. */
  readonly missing: readonly string[];
  /** Field-level issues: unknown items, values that are not an answer option, missing items. */
  readonly issues: readonly InstrumentIssue[];
  readonly itemScores: Readonly<Record<string, number>>;
}

/** Scores answers against a definition: total = sum (or mean) of option values; the band needs a scorable total.
 * Source: DOMAIN.md 8 and 15 (PHQ-9 bands, DN4 cut-off); never throws for clinical input. */
export function scoreInstrument(definition: InstrumentDefinition, answers: InstrumentAnswers): InstrumentResult {
  const allowed = new Set(definition.options.map((option) => option.value));
  const itemIds = new Set(definition.items.map((item) => item.id));
  const issues: InstrumentIssue[] = [];
  const missing: string[] = [];
  const itemScores: Record<string, number> = {};
  for (const key of Object.keys(answers)) {
    if (!itemIds.has(key)) issues.push({ field: key, code: 'instrument.unknown_item', message: `is not an item of ${definition.name}` });
  }
  for (const item of definition.items) {
    const value = answers[item.id];
    if (value === undefined) {
      missing.push(item.id);
      issues.push({ field: item.id, code: 'instrument.item_missing', message: `is required (${item.label})` });
    } else if (!allowed.has(value)) {
      missing.push(item.id);
      issues.push({
        field: item.id,
        code: 'instrument.invalid_answer',
        message: `must be one of ${[...allowed].join(', ')}`,
      });
    } else {
      itemScores[item.id] = value;
    }
  }
  const values = Object.values(itemScores);
  const sum = values.reduce((acc, value) => acc + value, 0);
  const scoring = definition.scoring ?? { method: 'sum' };
  const complete = missing.length === 0 && issues.length === 0;
  const invalidValues = issues.some((issue) => issue.code !== 'instrument.item_missing');
  const scorable = scoring.method === 'sum' ? complete : !invalidValues && values.length >= scoring.minAnswered;
  const total = scoring.method === 'sum' || values.length === 0 ? sum : sum / values.length;
  const band = scorable ? definition.bands?.find((b) => total >= b.min && total <= b.max) : undefined;
  return {
    instrument: definition.id,
    version: definition.version,
    total,
    ...(band ? { band: band.label, bandVerified: band.verified } : {}),
    scorable,
    complete,
    missing,
    issues,
    itemScores,
  };
}

/** A zod schema for one instrument's answers: every item optional (completeness is scored, not parsed), each value
 * one of the answer options. Source: DOMAIN.md 8 (answer options per instrument). */
export function instrumentAnswersSchema(definition: InstrumentDefinition) {
  const values = definition.options.map((option) => option.value);
  const answer = z
    .number()
    .int()
    .refine((value) => values.includes(value), `must be one of ${values.join(', ')}`);
  const shape = Object.fromEntries(definition.items.map((item) => [item.id, answer.optional()]));
  return z.strictObject(shape);
}
