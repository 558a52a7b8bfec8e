import { describe, expect, it } from 'vitest';
import { emptyClinical } from '../../../../src/domain/patients/patient-record.ts';
import { type ClinicalDraft, fromClinicalDraft, renameClinicalIssuePath, toClinicalDraft } from './clinical-draft.ts';

const changedOnly =
  (...sections: (keyof ClinicalDraft)[]) =>
  (section: keyof ClinicalDraft) =>
    sections.includes(section);

describe('fromClinicalDraft', () => {
  it('sends only the sections the user changed', () => {
    const draft = toClinicalDraft({ ...emptyClinical(), weights: [{ id: 'w1', measuredOn: '2026-01-02', weightKg: 70 }] });
    expect(fromClinicalDraft(draft, changedOnly())).toEqual({});
    expect(Object.keys(fromClinicalDraft(draft, changedOnly('weights')))).toEqual(['weights']);
  });

  it('keeps entry ids and sends stored weights back in kg', () => {
    const draft = toClinicalDraft({ ...emptyClinical(), weights: [{ id: 'w1', measuredOn: '2026-01-02', weightKg: 70.04 }] });
    expect(fromClinicalDraft(draft, changedOnly('weights')).weights).toEqual([
      { id: 'w1', measuredOn: '2026-01-02', value: 70, unit: 'kg' },
    ]);
  });

  it('converts a height entered in inches to cm (2.54 cm per inch, exact)', () => {
    const draft: ClinicalDraft = { ...toClinicalDraft(emptyClinical()), heights: [{ measuredOn: '2026-01-02', value: 65, unit: 'in' }] };
    expect(fromClinicalDraft(draft, changedOnly('heights')).heights).toEqual([
      { id: undefined, measuredOn: '2026-01-02', heightCm: 165.1 },
    ]);
  });

  it('gives a new treatment an id, because the input schema requires one there', () => {
    const draft = toClinicalDraft(emptyClinical());
    draft.painHistory.treatmentsTried = [{ category: 'nsaids', detail: ' ibuprofen ', result: 'partial' }];
    const [treatment] = fromClinicalDraft(draft, changedOnly('painHistory')).painHistory?.treatmentsTried ?? [];
    expect(treatment).toMatchObject({ category: 'nsaids', detail: 'ibuprofen', result: 'partial' });
    expect(treatment?.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends a condition typed as free text as uncoded and a picked one with its ICD-10-CM code', () => {
    const draft = toClinicalDraft(emptyClinical());
    draft.conditions = [
      { coding: { kind: 'uncoded', code: '', display: '', text: ' back pain ' }, onsetDate: '', status: 'active' },
      { coding: { kind: 'icd10cm', code: 'M79.7', display: 'Fibromyalgia', text: '' }, onsetDate: '2020-05-01', status: 'active' },
    ];
    expect(fromClinicalDraft(draft, changedOnly('conditions')).conditions).toEqual([
      { id: undefined, coding: { kind: 'uncoded', text: 'back pain' }, onsetDate: undefined, status: 'active' },
      { id: undefined, coding: { kind: 'icd10cm', code: 'M79.7', display: 'Fibromyalgia' }, onsetDate: '2020-05-01', status: 'active' },
    ]);
  });

  it('leaves pregnancy out while no status is chosen', () => {
    const draft = toClinicalDraft(emptyClinical());
    expect(fromClinicalDraft(draft, changedOnly('pregnancy')).pregnancy).toBeUndefined();
  });
});

describe('renameClinicalIssuePath', () => {
  it('puts a height problem on the entered value', () => {
    expect(renameClinicalIssuePath('clinical.heights.2.heightCm')).toBe('clinical.heights.2.value');
    expect(renameClinicalIssuePath('clinical.weights.0')).toBe('clinical.weights.0');
  });
});
