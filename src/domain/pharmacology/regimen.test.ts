import { describe, expect, it } from 'vitest';
import { resolveRegimen } from './regimen.ts';

const ok = (document: unknown, weightKg = 70) => {
  const result = resolveRegimen(document, weightKg);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const fields = (document: unknown) => {
  const result = resolveRegimen(document, 70);
  return result.ok ? [] : result.issues.map((i) => i.field);
};

describe('resolveRegimen', () => {
  it('resolves the issue example: 0.35 mg/kg bolus and 0.5 mg/kg/h for 4 h at 70 kg (Schwenk 2018 bolus ceiling, DOMAIN.md 1)', () => {
    const value = ok({
      drug: 'ketamine',
      events: [
        { type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' },
        { type: 'infusion', startMin: 0, endMin: 240, route: 'iv', rate: '0.5 mg/kg/h' },
      ],
    });
    expect(value.inputs[0]).toMatchObject({ kind: 'instant', amountMg: expect.closeTo(24.5, 12), bioavailability: 1 });
    expect(value.inputs[1]).toMatchObject({ kind: 'zero-order', rateMgPerMin: expect.closeTo(35 / 60, 12), endMin: 240 });
  });

  it('defaults the drug to racemic ketamine and turns a bolus over 1 min into a zero-order input', () => {
    const value = ok({ events: [{ type: 'bolus', atMin: 5, route: 'iv', dose: '20 mg', overMin: 1 }] });
    expect(value.drug).toBe('ketamine');
    expect(value.inputs[0]).toMatchObject({ kind: 'zero-order', startMin: 5, endMin: 6, rateMgPerMin: 20 });
  });

  it('applies route defaults for oral and SL (DOMAIN.md 15) and accepts per-event overrides', () => {
    const value = ok({
      events: [
        { type: 'bolus', atMin: 0, route: 'oral', dose: '25 mg' },
        { type: 'bolus', atMin: 0, route: 'sl', dose: '25 mg' },
        { type: 'bolus', atMin: 0, route: 'in', dose: '50 mg', bioavailability: 0.45 },
      ],
    });
    expect(value.inputs.map((i) => i.bioavailability)).toEqual([0.23, 0.29, 0.45]);
  });

  it('converts an mL/h rate with its concentration', () => {
    const value = ok({ events: [{ type: 'infusion', startMin: 0, endMin: 60, route: 'iv', rate: '25 mL/h', concentration: '1 mg/mL' }] });
    expect(value.inputs[0]).toMatchObject({ rateMgPerMin: expect.closeTo(25 / 60, 12) });
  });

  it('notes a topical event instead of simulating it', () => {
    const value = ok({ events: [{ type: 'bolus', atMin: 0, route: 'topical', dose: '10 mg' }] });
    expect(value.inputs).toHaveLength(0);
    expect(value.notes.join()).toMatch(/negligible/);
  });

  it.each([
    [{ events: [{ type: 'bolus', atMin: -1, route: 'iv', dose: '1 mg' }] }, 'events[0].atMin'],
    [{ events: [{ type: 'infusion', startMin: 60, endMin: 30, route: 'iv', rate: '1 mg/h' }] }, 'events[0].endMin'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'IV', dose: '1 mg' }] }, 'events[0].route'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'rectal', dose: '1 mg' }] }, 'events[0].route'],
    [{ drug: 'propofol', events: [] }, 'drug'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '1 mg/kg/h' }] }, 'events[0].dose'],
    [{ events: [{ type: 'infusion', startMin: 0, endMin: 10, route: 'iv', rate: '1 mg/kg' }] }, 'events[0].rate'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '1 ug' }] }, 'events[0].dose'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'in', dose: '50 mg' }] }, 'events[0].bioavailability'],
    [{ events: [{ type: 'infusion', startMin: 0, endMin: 10, route: 'sc', rate: '1 mg/h' }] }, 'events[0].bioavailability'],
    [{ events: [{ type: 'infusion', startMin: 0, endMin: 10, route: 'oral', rate: '1 mg/h' }] }, 'events[0].route'],
    [{ events: [{ type: 'infusion', startMin: 0, endMin: 10, route: 'iv', rate: '5 mL/h' }] }, 'events[0].concentration'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'oral', dose: '5 mg', overMin: 2 }] }, 'events[0].overMin'],
    [{ events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '5 mg', extra: 1 }] }, 'events[0]'],
    [{ events: [{ type: 'push', atMin: 0 }] }, 'events[0].type'],
  ])('names the field for bad input %j', (document, field) => {
    expect(fields(document)).toContain(field);
  });
});
