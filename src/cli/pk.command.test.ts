import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-io.ts';
import { registerPkCommands } from './pk.command.ts';

const issueRegimen = JSON.stringify({
  drug: 'ketamine',
  events: [
    { type: 'bolus', atMin: 0, route: 'iv', dose: '0.35 mg/kg' },
    { type: 'infusion', startMin: 0, endMin: 240, route: 'iv', rate: '0.5 mg/kg/h' },
  ],
});

const run = (args: string[], files: Record<string, string> = { 'r.json': issueRegimen }) => runCli(registerPkCommands, args, files);

const simulate = ['pk', 'simulate', '--model', 'kamp-2020', '--weight-kg', '70', '--age', '45', '--regimen', 'r.json'];

describe('pk simulate', () => {
  it('prints the exact CSV header and one row per step from 0 to until inclusive with >= 8 significant digits', async () => {
    const { out, err, code } = await run([...simulate, '--until-min', '300', '--step-min', '0.5']);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('time_min,plasma_ng_ml');
    expect(lines).toHaveLength(602);
    expect(lines[1]).toBe('0,980.0000000');
    expect(lines.at(-1)).toMatch(/^300,/);
    for (const line of lines.slice(1))
      expect(
        line
          .split(',')[1]!
          .replace(/^0\.0*|\./g, '')
          .replace(/e.*$/, '').length,
      ).toBeGreaterThanOrEqual(8);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('prints JSON with model, weightKg, points, summary and warnings', async () => {
    const { out, code, err } = await run([
      ...simulate.filter((a) => a !== '--age' && a !== '45'),
      '--until-min',
      '60',
      '--step-min',
      '1',
      '--format',
      'json',
    ]);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      model: 'kamp-2020',
      weightKg: 70,
      points: expect.any(Array),
      summary: { cmaxNgPerMl: expect.any(Number) },
    });
    expect(json.points[0]).toEqual({ timeMin: 0, plasmaNgPerMl: expect.closeTo(980, 6) });
    expect(json.points).toHaveLength(61);
    expect(json.warnings.join()).toMatch(/age not given/);
    expect(err).toMatch(/warning: age not given/);
    expect(code).toBe(0);
  });

  it('writes warnings to stderr and still exits 0 when the covariates are outside the model range', async () => {
    const { err, code, out } = await run([
      'pk',
      'simulate',
      '--model',
      'herd-2007',
      '--weight-kg',
      '80',
      '--age',
      '40',
      '--regimen',
      'r.json',
      '--until-min',
      '10',
      '--step-min',
      '1',
    ]);
    expect(err).toMatch(/outside the herd-2007 range/);
    expect(out.split('\n')[0]).toBe('time_min,plasma_ng_ml');
    expect(code).toBe(0);
  });

  it('says "no validated model" for esketamine', async () => {
    const files = { 'e.json': JSON.stringify({ drug: 'esketamine', events: [{ type: 'bolus', atMin: 0, route: 'in', dose: '56 mg' }] }) };
    const { err, out, code } = await run(
      ['pk', 'simulate', '--model', 'kamp-2020', '--weight-kg', '70', '--regimen', 'e.json', '--until-min', '10', '--step-min', '1'],
      files,
    );
    expect(err).toMatch(/no validated model/);
    expect(out).toBe('time_min,plasma_ng_ml\n');
    expect(code).toBe(0);
  });

  it.each([
    [['--until-min', '10', '--step-min', '3'], '--until-min'],
    [['--until-min', '10', '--step-min', '0'], '--step-min'],
    [['--until-min', '-10', '--step-min', '1'], '--until-min'],
    [['--step-min', '1'], '--until-min'],
  ])('exits 2 naming the field for %j', async (extra, flag) => {
    const { err, code, out } = await run([...simulate, ...extra]);
    expect(code).toBe(2);
    expect(err).toContain(flag);
    expect(out).toBe('');
  });

  it.each<[{ weight?: string; model?: string; regimen?: string; sex?: string }, string]>([
    [{ weight: '0' }, '--weight-kg'],
    [{ weight: '400' }, '--weight-kg'],
    [{ weight: 'heavy' }, '--weight-kg'],
    [{ model: 'marsh' }, '--model'],
    [{ regimen: 'missing.json' }, '--regimen'],
    [{ regimen: 'bad.json' }, '--regimen'],
    [{ regimen: 'late.json' }, '--regimen events[0].endMin'],
    [{ regimen: 'unit.json' }, '--regimen events[0].dose'],
    [{ sex: 'x' }, '--sex'],
  ])('exits 2 for bad input %j', async (change, flag) => {
    const files = {
      'r.json': issueRegimen,
      'bad.json': '{ not json',
      'late.json': JSON.stringify({ events: [{ type: 'infusion', startMin: 60, endMin: 30, route: 'iv', rate: '1 mg/h' }] }),
      'unit.json': JSON.stringify({ events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '5 mg/kg/h' }] }),
    };
    const args = [
      'pk',
      'simulate',
      '--model',
      change.model ?? 'kamp-2020',
      '--weight-kg',
      change.weight ?? '70',
      '--regimen',
      change.regimen ?? 'r.json',
      '--until-min',
      '10',
      '--step-min',
      '1',
    ];
    if (change.sex) args.push('--sex', change.sex);
    const { err, code } = await run(args, files);
    expect(code).toBe(2);
    expect(err).toContain(flag);
  });

  it('exits 2 on an unknown option', async () => {
    const { code, err } = await run([...simulate, '--until-min', '10', '--step-min', '1', '--colour', 'red']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option/);
  });
});

describe('pk models', () => {
  it('prints every model with parameters and source', async () => {
    const { out, code } = await run(['pk', 'models']);
    for (const id of ['kamp-2020', 'domino', 'clements-250', 'hijazi-2003', 'herd-2007', 'hornik-2018']) expect(out).toContain(`${id}:`);
    expect(out).toContain('k10  = 0.4381');
    expect(out).toContain('Anesthesiology 2020;133:1192');
    expect(out).toMatch(/esketamine: no validated model/);
    expect(code).toBe(0);
  });

  it('prints JSON on request', async () => {
    const { out } = await run(['pk', 'models', '--format', 'json']);
    expect(JSON.parse(out).models.map((m: { id: string }) => m.id)).toContain('domino');
  });
});
