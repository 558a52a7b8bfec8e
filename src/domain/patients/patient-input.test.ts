import { describe, expect, it } from 'vitest';
import { applyPatientChanges, computeBmi, convertWeightToKg, findImplausibleValues, latestByDate } from './patient-input.ts';
import { emptyClinical, type Medication, type PatientRecord } from './patient-record.ts';

const TODAY = '2026-06-15';

const baseRecord = (): PatientRecord => ({
  demographics: { mrn: 'M-1', givenName: 'Ada', familyName: 'Lovelace', birthDate: '1980-02-03', sex: 'female' },
  clinical: emptyClinical(),
});

const idGenerator = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const medication = (overrides: Partial<Medication> = {}): Medication => ({
  id: 'med-1',
  ingredient: 'sertraline',
  strength: { value: 50, unit: 'mg' },
  form: 'tablet',
  route: 'oral',
  timesPerDay: 1,
  prn: false,
  ...overrides,
});

const withWeightKg = (weightKg: number, measuredOn = TODAY): PatientRecord => {
  const record = baseRecord();
  record.clinical.weights = [{ id: 'w', measuredOn, weightKg }];
  return record;
};

const withHeightCm = (heightCm: number, measuredOn = TODAY): PatientRecord => {
  const record = baseRecord();
  record.clinical.heights = [{ id: 'h', measuredOn, heightCm }];
  return record;
};

describe('convertWeightToKg', () => {
  // International avoirdupois pound: 1 lb = 0.45359237 kg exactly (1959 agreement).
  it.each([
    [1, 'lb', 0.45359237],
    [100, 'lb', 45.359237],
    [154, 'lb', 154 * 0.45359237],
    [72.5, 'kg', 72.5],
  ] as const)('converts %d %s to %d kg', (value, unit, kg) => {
    expect(convertWeightToKg(value, unit)).toBe(kg);
  });
});

describe('computeBmi', () => {
  // BMI = kg / m^2 (WHO), rounded to one decimal.
  it('divides the latest weight by the square of the latest height', () => {
    const clinical = {
      weights: [
        { id: 'w1', measuredOn: '2026-01-01', weightKg: 90 },
        { id: 'w2', measuredOn: '2026-05-01', weightKg: 70 },
      ],
      heights: [{ id: 'h1', measuredOn: '2025-01-01', heightCm: 175 }],
    };
    expect(computeBmi(clinical)).toBe(22.9); // 70 / 1.75^2 = 22.857
  });

  it('uses the latest entry by date, not by list position', () => {
    const clinical = {
      weights: [
        { id: 'w2', measuredOn: '2026-05-01', weightKg: 80 },
        { id: 'w1', measuredOn: '2026-01-01', weightKg: 60 },
      ],
      heights: [{ id: 'h1', measuredOn: '2025-01-01', heightCm: 200 }],
    };
    expect(computeBmi(clinical)).toBe(20); // 80 / 2^2
  });

  it('is undefined without a weight or without a height', () => {
    expect(computeBmi({ weights: [], heights: [{ id: 'h', measuredOn: TODAY, heightCm: 170 }] })).toBeUndefined();
    expect(computeBmi({ weights: [{ id: 'w', measuredOn: TODAY, weightKg: 70 }], heights: [] })).toBeUndefined();
  });

  it('picks the later of two entries on the same day as latest', () => {
    const entries = [
      { id: 'a', measuredOn: TODAY },
      { id: 'b', measuredOn: TODAY },
    ];
    expect(latestByDate(entries)?.id).toBe('b');
  });
});

describe('findImplausibleValues', () => {
  // Plausible adult ranges (issue 2): weight 30-300 kg, height 100-250 cm, both inclusive.
  it.each([
    [29.99, false],
    [30, true],
    [300, true],
    [300.01, false],
  ])('weight %d kg plausible: %s', (weightKg, plausible) => {
    const issues = findImplausibleValues(withWeightKg(weightKg), TODAY);
    expect(issues.length === 0).toBe(plausible);
    if (!plausible) expect(issues[0]!.path).toBe('clinical.weights.0');
  });

  it.each([
    [99.9, false],
    [100, true],
    [250, true],
    [250.1, false],
  ])('height %d cm plausible: %s', (heightCm, plausible) => {
    const issues = findImplausibleValues(withHeightCm(heightCm), TODAY);
    expect(issues.length === 0).toBe(plausible);
    if (!plausible) expect(issues[0]!.path).toBe('clinical.heights.0');
  });

  it('refuses a birth date after today and accepts today', () => {
    const future = baseRecord();
    future.demographics.birthDate = '2026-06-16';
    expect(findImplausibleValues(future, TODAY)).toEqual([{ path: 'demographics.birthDate', message: 'Birth date is in the future.' }]);
    const today = baseRecord();
    today.demographics.birthDate = TODAY;
    expect(findImplausibleValues(today, TODAY)).toEqual([]);
  });

  it('refuses a birth date before 1900', () => {
    const old = baseRecord();
    old.demographics.birthDate = '1899-12-31';
    expect(findImplausibleValues(old, TODAY).map((i) => i.path)).toEqual(['demographics.birthDate']);
  });

  it('refuses measurement and pregnancy dates in the future', () => {
    const record = baseRecord();
    record.clinical.weights = [{ id: 'w', measuredOn: '2026-06-16', weightKg: 70 }];
    record.clinical.heights = [{ id: 'h', measuredOn: '2026-07-01', heightCm: 170 }];
    record.clinical.pregnancy = { status: 'not_pregnant', recordedOn: '2027-01-01' };
    expect(findImplausibleValues(record, TODAY).map((i) => i.path)).toEqual([
      'clinical.weights.0.measuredOn',
      'clinical.heights.0.measuredOn',
      'clinical.pregnancy.recordedOn',
    ]);
  });

  it('refuses a medication stopped before it started, and accepts one stopped the same day', () => {
    const record = baseRecord();
    record.clinical.medications = [
      medication({ id: 'a', startDate: '2026-03-10', stopDate: '2026-03-09' }),
      medication({ id: 'b', startDate: '2026-03-10', stopDate: '2026-03-10' }),
      medication({ id: 'c', stopDate: '2026-03-09' }),
    ];
    expect(findImplausibleValues(record, TODAY)).toEqual([
      { path: 'clinical.medications.0.stopDate', message: 'Stop date is before start date.' },
    ]);
  });
});

describe('applyPatientChanges', () => {
  it('stores an entered lb weight in kg and keeps a given id', () => {
    const result = applyPatientChanges(
      baseRecord(),
      { clinical: { weights: [{ id: 'keep-me', measuredOn: TODAY, value: 154, unit: 'lb' }] } },
      { todayIso: TODAY, newId: idGenerator() },
    );
    expect(result).toEqual({
      ok: true,
      record: {
        ...baseRecord(),
        clinical: { ...emptyClinical(), weights: [{ id: 'keep-me', measuredOn: TODAY, weightKg: 154 * 0.45359237 }] },
      },
    });
  });

  it('assigns fresh ids to new entries of every list and keeps existing ids', () => {
    const result = applyPatientChanges(
      baseRecord(),
      {
        clinical: {
          weights: [{ measuredOn: TODAY, value: 70, unit: 'kg' }],
          heights: [{ measuredOn: TODAY, heightCm: 170 }],
          allergies: [{ substance: { display: 'penicillin' }, severity: 'severe' }],
          conditions: [{ id: 'cond-old', coding: { kind: 'uncoded', text: 'migraine' }, status: 'active' }],
          medications: [{ ...medication(), id: undefined }],
          psychiatricHistory: [{ code: 'ptsd', status: 'active' }],
          substanceUseHistory: [{ substance: 'alcohol', status: 'past' }],
        },
      },
      { todayIso: TODAY, newId: idGenerator() },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const c = result.record.clinical;
    expect(
      [c.weights, c.heights, c.allergies, c.conditions, c.medications, c.psychiatricHistory, c.substanceUseHistory].map((l) => l[0]!.id),
    ).toEqual(['new-1', 'new-2', 'new-3', 'cond-old', 'new-4', 'new-5', 'new-6']);
  });

  it('replaces a list whole and leaves lists not mentioned untouched', () => {
    const base = baseRecord();
    base.clinical.weights = [
      { id: 'w1', measuredOn: '2026-01-01', weightKg: 80 },
      { id: 'w2', measuredOn: '2026-02-01', weightKg: 79 },
    ];
    base.clinical.heights = [{ id: 'h1', measuredOn: '2026-01-01', heightCm: 180 }];
    const result = applyPatientChanges(
      base,
      { clinical: { weights: [{ id: 'w2', measuredOn: '2026-02-01', value: 78, unit: 'kg' }] } },
      { todayIso: TODAY, newId: idGenerator() },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.record.clinical.weights).toEqual([{ id: 'w2', measuredOn: '2026-02-01', weightKg: 78 }]);
    expect(result.record.clinical.heights).toEqual(base.clinical.heights);
  });

  it('merges demographics changes over the base demographics', () => {
    const result = applyPatientChanges(baseRecord(), { demographics: { familyName: 'King' } }, { todayIso: TODAY, newId: idGenerator() });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.record.demographics).toEqual({ ...baseRecord().demographics, familyName: 'King' });
  });

  it('does not modify the base record', () => {
    const base = baseRecord();
    base.clinical.weights = [{ id: 'w1', measuredOn: '2026-01-01', weightKg: 80 }];
    const snapshot = structuredClone(base);
    applyPatientChanges(base, { clinical: { weights: [] }, demographics: { givenName: 'X' } }, { todayIso: TODAY, newId: idGenerator() });
    expect(base).toEqual(snapshot);
  });

  it('checks an lb weight against the kg range after conversion: 661 lb passes, 662 lb does not', () => {
    const apply = (value: number) =>
      applyPatientChanges(
        baseRecord(),
        { clinical: { weights: [{ measuredOn: TODAY, value, unit: 'lb' }] } },
        { todayIso: TODAY, newId: idGenerator() },
      );
    expect(apply(661).ok).toBe(true); // 661 lb = 299.82 kg
    expect(apply(662)).toEqual({
      ok: false,
      issues: [{ path: 'clinical.weights.0', message: 'Weight must be 30-300 kg (300.3 kg given).' }],
    });
  });
});
