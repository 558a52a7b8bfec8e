import { describe, expect, it } from 'vitest';
import { DN4_DEFINITION, dn4InterviewDefinition } from './dn4.ts';
import { type InstrumentDefinition, instrumentAnswersSchema, scoreInstrument } from './instrument-definition.ts';
import { PHQ9_DEFINITION, requiresSafetyTask } from './phq9.ts';

/** PHQ-9 answers with the given total, filled from item 1 (each item at most 3) and item 9 as given. */
function phq9WithTotal(total: number, item9 = 0): Record<string, number> {
  const answers: Record<string, number> = { phq9_9: item9 };
  let left = total - item9;
  for (let k = 1; k <= 8; k++) {
    const value = Math.min(3, Math.max(0, left));
    answers[`phq9_${k}`] = value;
    left -= value;
  }
  return answers;
}

describe('PHQ-9 scoring (DOMAIN.md 8, bands verified in 15)', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i falls in band %s', (total, band) => {
    const result = scoreInstrument(PHQ9_DEFINITION, phq9WithTotal(total, total === 27 ? 3 : 0));
    expect(result).toMatchObject({ total, band, complete: true, missing: [], issues: [] });
  });

  it('carries the verified LOINC item codes and answer codes LA6568-5..LA6571-9', () => {
    expect(PHQ9_DEFINITION.items.map((item) => item.loinc)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ]);
    expect(PHQ9_DEFINITION.options.map((o) => o.loincAnswer)).toEqual(['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9']);
    expect(PHQ9_DEFINITION.loinc).toEqual({ panel: '44249-1', total: '44261-6' });
  });

  it('reports an incomplete questionnaire with field-level issues and no band', () => {
    const answers = phq9WithTotal(12);
    delete answers.phq9_4;
    const result = scoreInstrument(PHQ9_DEFINITION, answers);
    expect(result.complete).toBe(false);
    expect(result.band).toBeUndefined();
    expect(result.missing).toEqual(['phq9_4']);
    expect(result.issues).toEqual([expect.objectContaining({ field: 'phq9_4', code: 'instrument.item_missing' })]);
  });

  it('refuses an answer that is not an option and an unknown item', () => {
    const result = scoreInstrument(PHQ9_DEFINITION, { ...phq9WithTotal(3), phq9_2: 4, phq9_10: 1 });
    expect(result.complete).toBe(false);
    expect(result.issues.map((i) => [i.field, i.code])).toEqual([
      ['phq9_10', 'instrument.unknown_item'],
      ['phq9_2', 'instrument.invalid_answer'],
    ]);
  });

  it('asks for a safety task exactly when item 9 is above 0', () => {
    expect(requiresSafetyTask(scoreInstrument(PHQ9_DEFINITION, phq9WithTotal(20, 0)))).toBe(false);
    expect(requiresSafetyTask(scoreInstrument(PHQ9_DEFINITION, phq9WithTotal(1, 1)))).toBe(true);
    expect(requiresSafetyTask(scoreInstrument(PHQ9_DEFINITION, { phq9_9: 2 }))).toBe(true);
  });

  it('has an answers schema that names the bad field', () => {
    const parsed = instrumentAnswersSchema(PHQ9_DEFINITION).safeParse({ phq9_1: 5 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['phq9_1']);
    expect(instrumentAnswersSchema(PHQ9_DEFINITION).safeParse({ phq9_1: 3 }).success).toBe(true);
  });
});

describe('DN4 scoring (DOMAIN.md 15)', () => {
  const allNo = Object.fromEntries(DN4_DEFINITION.items.map((item) => [item.id, 0]));
  const withYes = (count: number) =>
    Object.fromEntries(DN4_DEFINITION.items.map((item, k) => [item.id, k < count ? 1 : 0])) as Record<string, number>;

  it('has 10 yes/no items, 7 of them interview items', () => {
    expect(DN4_DEFINITION.items).toHaveLength(10);
    expect(dn4InterviewDefinition().items).toHaveLength(7);
  });

  it.each([
    [3, 'below_cut_off'],
    [4, 'suggests_neuropathic_pain'],
    [10, 'suggests_neuropathic_pain'],
  ])('%i of 10 is %s (cut-off >= 4, verified)', (yes, band) => {
    expect(scoreInstrument(DN4_DEFINITION, withYes(yes))).toMatchObject({ total: yes, band, bandVerified: true });
  });

  it('scores all-no as 0', () => {
    expect(scoreInstrument(DN4_DEFINITION, allNo)).toMatchObject({ total: 0, complete: true });
  });

  it('uses the unverified interview cut-off >= 3/7 by default and accepts a clinic cut-off', () => {
    const interview = (yes: number) => Object.fromEntries(dn4InterviewDefinition().items.map((item, k) => [item.id, k < yes ? 1 : 0]));
    expect(scoreInstrument(dn4InterviewDefinition(), interview(2)).band).toBe('below_cut_off');
    expect(scoreInstrument(dn4InterviewDefinition(), interview(3))).toMatchObject({
      band: 'suggests_neuropathic_pain',
      bandVerified: false,
    });
    expect(scoreInstrument(dn4InterviewDefinition(4), interview(3)).band).toBe('below_cut_off');
    expect(() => dn4InterviewDefinition(0)).toThrow(RangeError);
  });

  it('reports missing examination items when only the interview was answered', () => {
    const interviewOnly = Object.fromEntries(dn4InterviewDefinition().items.map((item) => [item.id, 1]));
    const result = scoreInstrument(DN4_DEFINITION, interviewOnly);
    expect(result).toMatchObject({
      total: 7,
      complete: false,
      missing: ['dn4_hypoesthesia_touch', 'dn4_hypoesthesia_prick', 'dn4_brushing'],
    });
  });
});

describe('mean scoring (the shape BPI interference needs: mean of 7, valid with >= 4 answered, DOMAIN.md 15)', () => {
  const meanOfSeven: InstrumentDefinition = {
    id: 'test_mean',
    name: 'Test mean',
    version: 'test',
    source: 'test fixture',
    items: [1, 2, 3, 4, 5, 6, 7].map((k) => ({ id: `i${k}`, label: `item ${k}` })),
    options: Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) })),
    scoring: { method: 'mean', minAnswered: 4 },
  };

  it('is scorable from 4 answered items, as their mean', () => {
    const result = scoreInstrument(meanOfSeven, { i1: 2, i2: 4, i3: 6, i4: 8 });
    expect(result).toMatchObject({ total: 5, scorable: true, complete: false, missing: ['i5', 'i6', 'i7'] });
  });

  it('is not scorable with 3 answered items', () => {
    expect(scoreInstrument(meanOfSeven, { i1: 2, i2: 4, i3: 6 }).scorable).toBe(false);
  });
});
