import { DN4_DEFINITION } from '../../../../src/domain/instruments/dn4.ts';
import type { InstrumentDefinition } from '../../../../src/domain/instruments/instrument-definition.ts';
import { PHQ9_DEFINITION, PHQ9_SELF_HARM_ITEM } from '../../../../src/domain/instruments/phq9.ts';
import { type EvaluationFindings, evaluationFindingsSchema } from '../../../../src/domain/screening/index.ts';
import type { NewEvaluation } from './candidacy.api.ts';

/**
 * The evaluation form as it is held: numbers '' until typed, instrument answers as strings per item ('' = not
 * answered). `toNewEvaluation` builds the API body; findings are checked with evaluationFindingsSchema first.
 */
export interface EvaluationDraft {
  evaluatedOn: string;
  vitals: { systolicMmHg: number | string; diastolicMmHg: number | string; heartRateBpm: number | string };
  pregnancyTest: '' | 'negative' | 'positive' | 'not_applicable';
  psychiatricScreen: { activePsychosis: boolean; note: string };
  substanceUseScreen: { activeSud: boolean; note: string };
  cardiovascular: { poorlyControlled: boolean; aneurysmOrAvm: boolean; intracerebralHaemorrhageHistory: boolean };
  raisedIcpOrIop: boolean;
  cystitis: boolean;
  liverTests: {
    impairment: '' | 'none' | 'mild' | 'moderate' | 'severe';
    takenOn: string;
    altUPerL: number | string;
    astUPerL: number | string;
  };
  dn4: Record<string, string>;
  phq9: Record<string, string>;
}

const emptyAnswers = (definition: InstrumentDefinition) => Object.fromEntries(definition.items.map((item) => [item.id, '']));

export function emptyEvaluationDraft(today: string): EvaluationDraft {
  return {
    evaluatedOn: today,
    vitals: { systolicMmHg: '', diastolicMmHg: '', heartRateBpm: '' },
    pregnancyTest: '',
    psychiatricScreen: { activePsychosis: false, note: '' },
    substanceUseScreen: { activeSud: false, note: '' },
    cardiovascular: { poorlyControlled: false, aneurysmOrAvm: false, intracerebralHaemorrhageHistory: false },
    raisedIcpOrIop: false,
    cystitis: false,
    liverTests: { impairment: '', takenOn: '', altUPerL: '', astUPerL: '' },
    dn4: emptyAnswers(DN4_DEFINITION),
    phq9: emptyAnswers(PHQ9_DEFINITION),
  };
}

const num = (value: number | string) => (typeof value === 'number' ? value : undefined);
const text = (value: string) => (value.trim() ? value.trim() : undefined);

function toFindings(draft: EvaluationDraft): unknown {
  const liver = draft.liverTests;
  return {
    evaluatedOn: draft.evaluatedOn,
    vitals: {
      systolicMmHg: num(draft.vitals.systolicMmHg),
      diastolicMmHg: num(draft.vitals.diastolicMmHg),
      ...(num(draft.vitals.heartRateBpm) !== undefined ? { heartRateBpm: num(draft.vitals.heartRateBpm) } : {}),
    },
    ...(draft.pregnancyTest ? { pregnancyTest: draft.pregnancyTest } : {}),
    psychiatricScreen: { activePsychosis: draft.psychiatricScreen.activePsychosis, note: text(draft.psychiatricScreen.note) },
    substanceUseScreen: { activeSud: draft.substanceUseScreen.activeSud, note: text(draft.substanceUseScreen.note) },
    cardiovascular: draft.cardiovascular,
    raisedIcpOrIop: draft.raisedIcpOrIop,
    cystitis: draft.cystitis,
    ...(liver.impairment
      ? {
          liverTests: {
            impairment: liver.impairment,
            ...(liver.takenOn ? { takenOn: liver.takenOn } : {}),
            ...(num(liver.altUPerL) !== undefined ? { altUPerL: num(liver.altUPerL) } : {}),
            ...(num(liver.astUPerL) !== undefined ? { astUPerL: num(liver.astUPerL) } : {}),
          },
        }
      : {}),
  };
}

/** Instrument answers as numbers, or undefined when none was answered (the instrument was not done). */
function toAnswers(answers: Record<string, string>): Record<string, number> | undefined {
  const entries = Object.entries(answers).filter(([, value]) => value !== '');
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([id, value]) => [id, Number(value)]));
}

/** True when PHQ-9 item 9 (self-harm thoughts) is answered above 0: the form shows the safety notice at once. */
export function isPhq9SafetyAnswer(draft: EvaluationDraft): boolean {
  return Number(draft.phq9[PHQ9_SELF_HARM_ITEM] || 0) > 0;
}

/** Field errors keyed by form path; an instrument is all or nothing (the server scores complete ones only). */
export function validateEvaluationDraft(draft: EvaluationDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = evaluationFindingsSchema.safeParse(toFindings(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.code === 'invalid_type' ? 'Required' : issue.message;
    }
  }
  for (const [key, definition] of [
    ['dn4', DN4_DEFINITION],
    ['phq9', PHQ9_DEFINITION],
  ] as const) {
    const answers = draft[key];
    const answered = Object.values(answers).filter((value) => value !== '').length;
    if (answered === 0) continue;
    for (const item of definition.items) if (answers[item.id] === '') errors[`${key}.${item.id}`] = 'Answer every item, or none';
  }
  return errors;
}

/** The API body for a draft that passed validation. */
export function toNewEvaluation(draft: EvaluationDraft): NewEvaluation {
  const findings = evaluationFindingsSchema.parse(toFindings(draft)) as EvaluationFindings;
  const phq9 = toAnswers(draft.phq9);
  const dn4 = toAnswers(draft.dn4);
  return { findings, ...(phq9 ? { phq9 } : {}), ...(dn4 ? { dn4 } : {}) };
}
