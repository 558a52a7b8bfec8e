import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-io.ts';
import { DEFAULT_DRUG_LIBRARY } from '../domain/pharmacology/default-drug-library.ts';
import { registerDoseCommands } from './dose.command.ts';

const run = (args: string[], files: Record<string, string> = {}) => runCli(registerDoseCommands, args, files);

const base = ['dose', 'check', '--product', 'ketamine-10-mg-ml', '--profile', 'pain-clinic-iv', '--weight-kg', '70'];

describe('dose check', () => {
  it.each([
    [['--dose', '0.35 mg/kg'], 'ok', 2.5],
    [['--dose', '0.5 mg/kg'], 'soft', 3.5],
    [['--rate', '3.5 mg/kg/h'], 'hard', null],
    [
      ['--rate', '0.5 mg/kg/h', '--duration-min', '240', '--given-session', '10 mg', '--given-24h', '10 mg', '--concentration', '1 mg/mL'],
      'ok',
      140,
    ],
  ])('%j -> %s, exit 0', async (extra, verdict, volumeMl) => {
    const { out, code } = await run([...base, ...extra]);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ verdict, volumeMl, libraryVersion: 'ketaclinic-default-1' });
    expect(Array.isArray(json.violations)).toBe(true);
    expect(code).toBe(0);
  });

  it('names each violated limit with value, limitValue and unit', async () => {
    const json = JSON.parse((await run([...base, '--rate', '2 mg/kg/h'])).out);
    expect(json.violations).toContainEqual(expect.objectContaining({ limit: 'rate.hardMax', value: 2, limitValue: 1.5, unit: 'mg/kg/h' }));
  });

  it.each([
    [['--dose', '0.5 mg/kg/h'], '--dose'],
    [['--rate', '24 mg'], '--rate'],
    [[], '--dose'],
    [['--dose', '1 ug'], '--dose'],
    [['--dose', '1 mg', '--given-24h', 'lots'], '--given-24h'],
    [['--dose', '1 mg', '--duration-min', 'long'], '--duration-min'],
  ])('exits 2 for %j naming %s', async (extra, flag) => {
    const { code, err, out } = await run([...base, ...extra]);
    expect(code).toBe(2);
    expect(err).toContain(flag);
    expect(out).toBe('');
  });

  it.each([
    [['--weight-kg', '0'], '--weight-kg'],
    [['--weight-kg', '400'], '--weight-kg'],
    [['--product', 'ketamine-1-mg-ml'], '--product'],
    [['--profile', 'icu'], '--profile'],
  ])('exits 2 for %j', async (change, flag) => {
    const args = [...base];
    args[args.indexOf(change[0]!) + 1] = change[1]!;
    const { code, err } = await run([...args, '--dose', '1 mg']);
    expect(code).toBe(2);
    expect(err).toContain(flag);
  });

  it('checks against a clinic library file and reports its version', async () => {
    const clinic = { ...structuredClone(DEFAULT_DRUG_LIBRARY), version: 'clinic-7' };
    const { out } = await run([...base, '--dose', '0.35 mg/kg', '--library', 'lib.json'], { 'lib.json': JSON.stringify(clinic) });
    expect(JSON.parse(out).libraryVersion).toBe('clinic-7');
  });

  it('exits 2 for an invalid library file', async () => {
    const { code, err } = await run([...base, '--dose', '1 mg', '--library', 'lib.json'], { 'lib.json': '{"id":"x"}' });
    expect(code).toBe(2);
    expect(err).toContain('--library');
  });
});

describe('dose library', () => {
  it('prints the whole library as JSON', async () => {
    const { out, code } = await run(['dose', 'library']);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(DEFAULT_DRUG_LIBRARY)));
    expect(code).toBe(0);
  });
});
