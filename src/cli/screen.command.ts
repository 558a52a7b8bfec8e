import type { Command } from 'commander';
import type { z } from 'zod';
import type { FieldIssue } from '../domain/pharmacology/regimen.ts';
import { evaluateCandidacy, listCandidacyRules } from '../domain/screening/candidacy-engine.ts';
import { evaluationInputSchema, parseWithFieldIssues } from '../domain/screening/evaluation-input.ts';
import {
  SCREENING_ROUTES,
  type ScreeningPolicy,
  type ScreeningRoute,
  screeningPolicySchema,
} from '../domain/screening/screening-policy.ts';
import { type CliIo, failWithIssues, processIo, routeOutputTo } from './pk.command.ts';

/**
 * `ketaclinic screen` and `ketaclinic rules list` (issue 4, item 5; docs/screening.md): the candidacy rules engine
 * for scripting and review. Bad input exits 2 naming the flag and the field.
 */

interface ScreenOptions {
  input?: string;
  route?: string;
  policy?: string;
}

type Loaded<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Reads a JSON file and validates it; issues name the flag, then the field path inside the document. */
function loadJson<T>(io: CliIo, flag: string, path: string, schema: z.ZodType<T>): Loaded<T> {
  let document: unknown;
  try {
    document = JSON.parse(io.readFile(path));
  } catch (error) {
    return { ok: false, issues: [{ field: flag, message: `cannot read ${path} as JSON: ${(error as Error).message}` }] };
  }
  const parsed = parseWithFieldIssues(schema, document);
  if (parsed.ok) return parsed;
  return { ok: false, issues: parsed.issues.map((issue) => ({ field: `${flag} ${issue.field}`, message: issue.message })) };
}

const policyFileSchema = screeningPolicySchema.partial();

function loadPolicy(io: CliIo, path: string | undefined): Loaded<Partial<ScreeningPolicy>> {
  return path === undefined ? { ok: true, value: {} } : loadJson(io, '--policy', path, policyFileSchema);
}

const isRoute = (route: string): route is ScreeningRoute => (SCREENING_ROUTES as readonly string[]).includes(route);
const asIs = (field: string) => field;

function runScreen(io: CliIo, options: ScreenOptions): void {
  const issues: FieldIssue[] = [];
  if (options.input === undefined) issues.push({ field: '--input', message: 'is required' });
  if (options.route !== undefined && !isRoute(options.route)) {
    issues.push({ field: '--route', message: `must be one of ${SCREENING_ROUTES.join(', ')}` });
  }
  const input = options.input === undefined ? undefined : loadJson(io, '--input', options.input, evaluationInputSchema);
  if (input && !input.ok) issues.push(...input.issues);
  const policy = loadPolicy(io, options.policy);
  if (!policy.ok) issues.push(...policy.issues);
  if (issues.length > 0 || !input?.ok || !policy.ok) {
    failWithIssues(io, issues, asIs);
    return;
  }
  const routes = options.route === undefined ? SCREENING_ROUTES : [options.route as ScreeningRoute];
  const results = routes.map((route) => {
    const result = evaluateCandidacy(input.value, { route, policy: policy.value });
    return {
      route: result.route,
      verdict: result.verdict,
      fired: result.fired.map(({ rule, severity, reason, source }) => ({ rule, severity, reason, source })),
      ruleSetVersion: result.ruleSetVersion,
    };
  });
  io.out(`${JSON.stringify(options.route === undefined ? results : results[0], null, 2)}\n`);
}

function runRulesList(io: CliIo, options: { policy?: string }): void {
  const policy = loadPolicy(io, options.policy);
  if (!policy.ok) {
    failWithIssues(io, policy.issues, asIs);
    return;
  }
  io.out(`${JSON.stringify(listCandidacyRules(policy.value), null, 2)}\n`);
}

/** Adds `screen` (evaluate a patient-plus-evaluation file per route) and `rules list` (every rule as JSON).
 * Pass io in tests; the real CLI uses the process. Source: issue 4 item 5; rules cite DOMAIN.md in their data. */
export function registerScreenCommands(program: Command, io?: CliIo): Command {
  const effectiveIo = io ?? processIo;
  routeOutputTo(program.command('screen'), io)
    .description('Evaluate candidacy from a patient-plus-evaluation JSON file (docs/screening.md).')
    .option('--input <file>', 'JSON document { patient, evaluation }')
    .option('--route <route>', `one of ${SCREENING_ROUTES.join(', ')}; all routes when omitted`)
    .option('--policy <file>', 'clinic ScreeningPolicy JSON (thresholds, severities of policy rules)')
    .action((options: ScreenOptions) => runScreen(effectiveIo, options));
  const rules = routeOutputTo(program.command('rules').description('Candidacy rules (docs/screening.md).'), io);
  rules
    .command('list')
    .description('Print every candidacy rule with its severity, routes and source (JSON).')
    .option('--policy <file>', 'clinic ScreeningPolicy JSON; severities as that policy sets them')
    .action((options: { policy?: string }) => runRulesList(effectiveIo, options));
  return program;
}
