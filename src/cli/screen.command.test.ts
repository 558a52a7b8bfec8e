import { describe, expect, it } from 'vitest';
import { buildCleanEvaluationInput, buildMedication } from '../../test/fixtures/screening-fixtures.ts';
import { runCli } from '../../test/support/cli-io.ts';
import { CANDIDACY_RULE_SET_VERSION, CANDIDACY_RULES } from '../domain/screening/candidacy-rules.ts';
import { registerScreenCommands } from './screen.command.ts';

const run = (args: string[], files: Record<string, string> = {}) => runCli(registerScreenCommands, args, files);

const withBenzodiazepine = () => {
  const input = buildCleanEvaluationInput();
  input.patient.clinical.medications = [buildMedication('lorazepam'), buildMedication('clarithromycin')];
  input.evaluation.cardiovascular.aneurysmOrAvm = true;
  return JSON.stringify(input);
};

describe('ketaclinic screen', () => {
  it('prints route, verdict and fired rules for one route', async () => {
    const { out, err, code } = await run(['screen', '--input', 'p.json', '--route', 'esketamine_in'], { 'p.json': withBenzodiazepine() });
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ route: 'esketamine_in', verdict: 'not_eligible', ruleSetVersion: CANDIDACY_RULE_SET_VERSION });
    expect(json.fired.map((f: { rule: string }) => f.rule)).toEqual(['cardiovascular.aneurysm_or_avm', 'medication.benzodiazepine']);
    expect(Object.keys(json.fired[0]).sort()).toEqual(['reason', 'rule', 'severity', 'source']);
  });

  it('prints one object per route when no route is given', async () => {
    const { out, code } = await run(['screen', '--input', 'p.json'], { 'p.json': withBenzodiazepine() });
    expect(code).toBe(0);
    const json = JSON.parse(out) as { route: string; verdict: string; fired: { rule: string }[] }[];
    expect(json.map((r) => r.route)).toEqual(['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical', 'esketamine_in']);
    expect(json.find((r) => r.route === 'iv')?.verdict).toBe('eligible_with_cautions');
    expect(json.find((r) => r.route === 'oral')?.fired.map((f) => f.rule)).toContain('interaction.cyp3a4_inhibitor');
  });

  it('applies a clinic policy file', async () => {
    const input = buildCleanEvaluationInput();
    input.evaluation.vitals = { systolicMmHg: 165, diastolicMmHg: 85 };
    const files = {
      'p.json': JSON.stringify(input),
      'policy.json': JSON.stringify({ uncontrolledHypertension: { systolicMmHg: 160, diastolicMmHg: 100 } }),
    };
    expect(JSON.parse((await run(['screen', '--input', 'p.json', '--route', 'iv'], files)).out).verdict).toBe('eligible');
    const strict = await run(['screen', '--input', 'p.json', '--route', 'iv', '--policy', 'policy.json'], files);
    expect(JSON.parse(strict.out).verdict).toBe('not_eligible');
  });

  it('exits 2 naming the field of bad input', async () => {
    const input = buildCleanEvaluationInput() as unknown as { evaluation: Record<string, unknown> };
    input.evaluation.vitals = { systolicMmHg: 'high', diastolicMmHg: 80 };
    const { out, err, code } = await run(['screen', '--input', 'p.json'], { 'p.json': JSON.stringify(input) });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^ketaclinic: --input evaluation\.vitals\.systolicMmHg: /);
  });

  it('exits 2 for an unknown route, a missing file and missing --input', async () => {
    const badRoute = await run(['screen', '--input', 'p.json', '--route', 'iv-push'], { 'p.json': withBenzodiazepine() });
    expect(badRoute).toMatchObject({ code: 2, out: '' });
    expect(badRoute.err).toContain('ketaclinic: --route: must be one of iv, in, oral');
    const missing = await run(['screen', '--input', 'nope.json'], {});
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toContain('ketaclinic: --input: cannot read nope.json');
    expect((await run(['screen'], {})).err).toBe('ketaclinic: --input: is required\n');
  });
  it('routes commander errors (an unknown option) to exit code 2', async () => {
    const { code, err } = await run(['screen', '--input', 'p.json', '--bogus'], { 'p.json': withBenzodiazepine() });
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
  });
});

describe('ketaclinic rules list', () => {
  it('prints every rule with severity, routes and source as JSON', async () => {
    const { out, code } = await run(['rules', 'list'], {});
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.ruleSetVersion).toBe(CANDIDACY_RULE_SET_VERSION);
    expect(json.rules).toHaveLength(CANDIDACY_RULES.length);
    for (const rule of json.rules)
      expect(rule).toMatchObject({
        id: expect.any(String),
        severity: expect.any(String),
        routes: expect.any(Array),
        source: expect.any(String),
      });
  });

  it('shows a clinic severity for a policy rule and refuses a bad policy file', async () => {
    const files = {
      'policy.json': JSON.stringify({ severities: { 'urinary.cystitis': 'caution' } }),
      'bad.json': '{"minimumAgeYears": -1}',
    };
    const listed = JSON.parse((await run(['rules', 'list', '--policy', 'policy.json'], files)).out);
    expect(listed.rules.find((r: { id: string }) => r.id === 'urinary.cystitis').severity).toBe('caution');
    const bad = await run(['rules', 'list', '--policy', 'bad.json'], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^ketaclinic: --policy minimumAgeYears: /);
  });
});
