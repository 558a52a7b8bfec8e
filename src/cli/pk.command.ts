import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CONCENTRATION_BANDS } from '../domain/pharmacology/concentration-bands.ts';
import { ESKETAMINE_NO_MODEL, formatRange, PK_MODELS } from '../domain/pharmacology/pk-models.ts';
import { type SimulationResult, simulateRegimen } from '../domain/pharmacology/pk-simulation.ts';
import type { FieldIssue } from '../domain/pharmacology/regimen.ts';

/** Where a command writes and how it ends; injected so tests need no subprocess. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
  readFile(path: string): string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** Routes commander's own parse errors through io with exit code 2 (help exits 0). Only for an injected io:
 *  otherwise the program's settings (set by ketaclinic.ts) are inherited. */
export function routeOutputTo(command: Command, io: CliIo | undefined): Command {
  if (!io) return command;
  return command.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride((error) => {
    io.exit(error.exitCode === 0 ? 0 : 2);
    throw error;
  });
}

/** Reports invalid input as "ketaclinic: <flag>: <message>" lines and exit code 2 (issue 3, "Bad input").
 *  One line per problem, so a user can fix them all at once. */
export function failWithIssues(io: CliIo, issues: FieldIssue[], flagFor: (field: string) => string): void {
  for (const issue of issues) io.err(`ketaclinic: ${flagFor(issue.field)}: ${issue.message}\n`);
  io.exit(2);
}

/** Parses a numeric option strictly (plain non-negative decimals only, no exponents or signs).
 *  Returns undefined when absent and NaN when not such a number, so callers name the flag. */
export function parseNumberOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^[0-9]+(\.[0-9]+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
}

const SIMULATE_FLAGS: Record<string, string> = {
  model: '--model',
  weightKg: '--weight-kg',
  ageYears: '--age',
  sex: '--sex',
  untilMin: '--until-min',
  stepMin: '--step-min',
};
const simulateFlag = (field: string) => (field.startsWith('regimen.') ? `--regimen ${field.slice(8)}` : (SIMULATE_FLAGS[field] ?? field));

interface SimulateOptions {
  model?: string;
  weightKg?: string;
  age?: string;
  sex?: string;
  regimen?: string;
  untilMin?: string;
  stepMin?: string;
  format: string;
}

const formatTime = (t: number) => String(Math.round(t * 1e9) / 1e9);
// At least 8 significant digits (issue 3, item 8); 10 leaves margin for readers that round.
const formatConcentration = (c: number) => c.toPrecision(10);

function printSimulation(io: CliIo, result: SimulationResult, format: string): void {
  for (const warning of result.warnings) io.err(`warning: ${warning}\n`);
  if (format === 'json') {
    const points = result.timesMin.map((timeMin, k) => ({ timeMin, plasmaNgPerMl: result.plasmaNgPerMl[k]! }));
    const { model, weightKg, drug, status, summary, warnings, effectSiteNgPerMl } = result;
    io.out(
      `${JSON.stringify({ model, weightKg, drug, status, points, effectSiteNgPerMl, summary: summary ?? null, warnings }, null, 2)}\n`,
    );
    return;
  }
  const lines = ['time_min,plasma_ng_ml'];
  result.timesMin.forEach((t, k) => {
    lines.push(`${formatTime(t)},${formatConcentration(result.plasmaNgPerMl[k]!)}`);
  });
  io.out(`${lines.join('\n')}\n`);
}

function readRegimen(io: CliIo, path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON: ${(error as Error).message}` };
  }
}

function runSimulate(io: CliIo, options: SimulateOptions): void {
  const issues: FieldIssue[] = [];
  const required = {
    model: options.model,
    weightKg: options.weightKg,
    regimen: options.regimen,
    untilMin: options.untilMin,
    stepMin: options.stepMin,
  };
  for (const [field, value] of Object.entries(required)) if (value === undefined) issues.push({ field, message: 'is required' });
  const numbers = { weightKg: options.weightKg, ageYears: options.age, untilMin: options.untilMin, stepMin: options.stepMin };
  for (const [field, value] of Object.entries(numbers)) {
    if (Number.isNaN(parseNumberOption(value))) issues.push({ field, message: `"${value}" is not a non-negative decimal number` });
  }
  if (options.format !== 'csv' && options.format !== 'json') issues.push({ field: 'format', message: 'must be csv or json' });
  if (options.sex !== undefined && options.sex !== 'f' && options.sex !== 'm') issues.push({ field: 'sex', message: 'must be f or m' });
  const regimen = options.regimen === undefined ? undefined : readRegimen(io, options.regimen);
  if (regimen && !regimen.ok) issues.push({ field: 'regimen', message: regimen.message });
  if (issues.length > 0 || !regimen?.ok) {
    failWithIssues(io, issues, (f) => SIMULATE_FLAGS[f] ?? `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    return;
  }
  const outcome = simulateRegimen({
    modelId: options.model!,
    weightKg: parseNumberOption(options.weightKg)!,
    ageYears: parseNumberOption(options.age),
    sex: options.sex as 'f' | 'm' | undefined,
    regimen: regimen.value,
    untilMin: parseNumberOption(options.untilMin)!,
    stepMin: parseNumberOption(options.stepMin)!,
  });
  if (!outcome.ok) {
    failWithIssues(io, outcome.issues, simulateFlag);
    return;
  }
  printSimulation(io, outcome.value, options.format);
}

function printModels(io: CliIo, format: string): void {
  if (format === 'json') {
    const models = PK_MODELS.map(({ computeParameters: _, ...model }) => model);
    io.out(`${JSON.stringify({ models, esketamine: ESKETAMINE_NO_MODEL, bands: CONCENTRATION_BANDS }, null, 2)}\n`);
    return;
  }
  const blocks = PK_MODELS.map((m) =>
    [
      `${m.id}: ${m.name} (${m.compartments}-compartment, ${m.drug})`,
      `  population: ${m.population}`,
      `  validity:   ${[m.validity.weightKg && `weight ${formatRange(m.validity.weightKg)} kg`, m.validity.ageYears && `age ${formatRange(m.validity.ageYears)} y`, m.validity.note].filter(Boolean).join('; ')}`,
      ...m.parameters.map((p) => `  ${p.name.padEnd(4)} = ${p.value} ${p.unit}`),
      `  source:     ${m.citation}`,
      `  evidence:   ${m.evidence}`,
      ...m.notes.map((n) => `  note:       ${n}`),
    ].join('\n'),
  );
  io.out(`${blocks.join('\n\n')}\n\nesketamine: ${ESKETAMINE_NO_MODEL}\n`);
}

/** Adds `pk models` and `pk simulate` (issue 3, item 8; docs/pharmacology.md).
 *  Pass io in tests; the real CLI uses the process and the program's own error handling. */
export function registerPkCommands(program: Command, io?: CliIo): Command {
  const effectiveIo = io ?? processIo;
  const pk = routeOutputTo(program.command('pk').description('Pharmacokinetic models and simulations (docs/pharmacology.md).'), io);
  pk.command('models')
    .description('Print every PK model with its parameters and source.')
    .option('--format <format>', 'text or json', 'text')
    .action((options: { format: string }) => printModels(effectiveIo, options.format));
  pk.command('simulate')
    .description('Predict plasma ketamine (ng/mL) for a regimen file on a time grid.')
    .option('--model <id>', `model id: ${PK_MODELS.map((m) => m.id).join(', ')}`)
    .option('--weight-kg <kg>', 'body weight, 30-300 kg')
    .option('--age <years>', 'age in years (checked against the model range)')
    .option('--sex <sex>', 'f or m')
    .option('--regimen <file>', 'regimen JSON file (docs/pharmacology.md)')
    .option('--until-min <min>', 'last time point, a multiple of --step-min')
    .option('--step-min <min>', 'time step in minutes')
    .option('--format <format>', 'csv or json', 'csv')
    .action((options: SimulateOptions) => runSimulate(effectiveIo, options));
  return pk;
}
