import type { InstrumentDefinition, InstrumentResult } from './instrument-definition.ts';

/**
 * PHQ-9 (Kroenke 2001): nine items scored 0-3, total 0-27 (DOMAIN.md 8). Bands 0-4/5-9/10-14/15-19/20-27, the
 * total LOINC 44261-6 and items 8 and 9 (44253-3, 44260-8) are verified in DOMAIN.md 15; items 1-7 in DOMAIN.md 8.
 */

export const PHQ9_SELF_HARM_ITEM = 'phq9_9';

export const PHQ9_DEFINITION: InstrumentDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  version: 'kroenke-2001',
  source: 'Kroenke 2001; DOMAIN.md 8 (items, answer codes) and 15 (bands, total LOINC, items 8-9)',
  loinc: { panel: '44249-1', total: '44261-6' },
  items: [
    { id: 'phq9_1', label: 'Little interest or pleasure in doing things', loinc: '44250-9', loincVerified: true },
    { id: 'phq9_2', label: 'Feeling down, depressed or hopeless', loinc: '44255-8', loincVerified: true },
    { id: 'phq9_3', label: 'Trouble with sleep', loinc: '44259-0', loincVerified: true },
    { id: 'phq9_4', label: 'Feeling tired or having little energy', loinc: '44254-1', loincVerified: true },
    { id: 'phq9_5', label: 'Poor appetite or overeating', loinc: '44251-7', loincVerified: true },
    { id: 'phq9_6', label: 'Feeling bad about yourself', loinc: '44258-2', loincVerified: true },
    { id: 'phq9_7', label: 'Trouble concentrating', loinc: '44252-5', loincVerified: true },
    { id: 'phq9_8', label: 'Moving or speaking slowly, or being restless', loinc: '44253-3', loincVerified: true },
    { id: PHQ9_SELF_HARM_ITEM, label: 'Thoughts of being better off dead or of self-harm', loinc: '44260-8', loincVerified: true },
  ],
  options: [
    { value: 0, label: 'Not at all', loincAnswer: 'LA6568-5' },
    { value: 1, label: 'Several days', loincAnswer: 'LA6569-3' },
    { value: 2, label: 'More than half the days', loincAnswer: 'LA6570-1' },
    { value: 3, label: 'Nearly every day', loincAnswer: 'LA6571-9' },
  ],
  bands: [
    { min: 0, max: 4, label: 'minimal', verified: true },
    { min: 5, max: 9, label: 'mild', verified: true },
    { min: 10, max: 14, label: 'moderate', verified: true },
    { min: 15, max: 19, label: 'moderately_severe', verified: true },
    { min: 20, max: 27, label: 'severe', verified: true },
  ],
};

/** True when PHQ-9 item 9 (self-harm thoughts) was answered above 0: open the safety workflow.
 * Source: DOMAIN.md 8 ("Item 9 needs a safety workflow whenever it is >0"); an unanswered item 9 is a missing field. */
export function requiresSafetyTask(phq9Result: InstrumentResult): boolean {
  return (phq9Result.itemScores[PHQ9_SELF_HARM_ITEM] ?? 0) > 0;
}
