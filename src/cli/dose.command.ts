import type { Command } from 'commander';
import { DEFAULT_DRUG_LIBRARY } from '../domain/pharmacology/default-drug-library.ts';
import { checkDose } from '../domain/pharmacology/dose-check.ts';
import { parseDoseCheckRequest } from '../domain/pharmacology/dose-request.ts';
import { type DrugLibrary, drugLibrarySchema } from '../domain/pharmacology/drug-library.ts';
import { formatPath } from '../domain/pharmacology/regimen.ts';
import { type CliIo, failWithIssues, parseNumberOption, processIo, routeOutputTo } from './pk.command.ts';

const DOSE_FLAGS: Record<string, string> = {
  product: '--product',
  profile: '--profile',
  weightKg: '--weight-kg',
  dose: '--dose',
  rate: '--rate',
  givenSession: '--given-session',
  given24h: '--given-24h',
  durationMin: '--duration-min',
  concentration: '--concentration',
  library: '--library',
  clinic: '--clinic',
};
const doseFlag = (field: string) => DOSE_FLAGS[field] ?? field;

interface CheckOptions {
  product?: string;
  profile?: string;
  weightKg?: string;
  dose?: string;
  rate?: string;
  givenSession?: string;
  given24h?: string;
  durationMin?: string;
  concentration?: string;
  library?: string;
  clinic?: string;
}

type LibraryLoad = { ok: true; value: DrugLibrary } | { ok: false; message: string };

/** The default library, or a clinic library file validated by drugLibrarySchema. */
function loadLibrary(io: CliIo, path: string | undefined): LibraryLoad {
  if (path === undefined) return { ok: true, value: DEFAULT_DRUG_LIBRARY };
  let document: unknown;
  try {
    document = JSON.parse(io.readFile(path));
  } catch (error) {
    return { ok: false, message: `cannot read ${path} as JSON: ${(error as Error).message}` };
  }
  const parsed = drugLibrarySchema.safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { ok: false, message: `${path}: ${formatPath(first.path)}: ${first.message}` };
  }
  return { ok: true, value: parsed.data };
}

/** Field-named issues for the options, or the typed request (weight outside the library range is input error). */
function parseCheckOptions(library: DrugLibrary, options: CheckOptions): ReturnType<typeof parseDoseCheckRequest> {
  const missing = (['product', 'profile', 'weightKg'] as const).filter((f) => options[f] === undefined);
  if (missing.length > 0) return { ok: false, issues: missing.map((field) => ({ field, message: 'is required' })) };
  const weightKg = parseNumberOption(options.weightKg)!;
  const range = library.weightKgRange;
  if (!(weightKg >= range.min && weightKg <= range.max)) {
    return {
      ok: false,
      issues: [{ field: 'weightKg', message: `"${options.weightKg}" is not a plausible weight (${range.min}-${range.max} kg)` }],
    };
  }
  return parseDoseCheckRequest(library, {
    productId: options.product!,
    profileId: options.profile!,
    weightKg,
    dose: options.dose,
    rate: options.rate,
    givenSession: options.givenSession,
    given24h: options.given24h,
    durationMin: parseNumberOption(options.durationMin),
    concentration: options.concentration,
  });
}

/** The clinic's current library from the database: its highest approved version, else the default. */
async function loadClinicLibrary(clinicId: string): Promise<LibraryLoad> {
  // Loaded on demand: a dose check against the default library or a file needs no database.
  const [{ withDatabase }, { loadCurrentLibrary }] = await Promise.all([
    import('./cli-support.ts'),
    import('../app/drug-library.usecases.ts'),
  ]);
  return withDatabase(async (deps) => {
    if (!(await deps.repos.organization.findClinic(clinicId))) return { ok: false, message: `no clinic with id "${clinicId}"` };
    return { ok: true, value: (await loadCurrentLibrary(clinicId, deps.repos)).library };
  });
}

async function runCheck(io: CliIo, options: CheckOptions): Promise<void> {
  if (options.clinic !== undefined && options.library !== undefined) {
    failWithIssues(io, [{ field: 'clinic', message: 'give --clinic or --library, not both' }], doseFlag);
    return;
  }
  const library = options.clinic !== undefined ? await loadClinicLibrary(options.clinic) : loadLibrary(io, options.library);
  if (!library.ok) {
    const field = options.clinic !== undefined ? 'clinic' : 'library';
    failWithIssues(io, [{ field, message: library.message }], doseFlag);
    return;
  }
  const parsed = parseCheckOptions(library.value, options);
  if (!parsed.ok) {
    failWithIssues(io, parsed.issues, doseFlag);
    return;
  }
  const result = checkDose(parsed.value);
  const violations = result.violations.map(({ limit, value, limitValue, unit, severity, source }) => ({
    limit,
    value,
    limitValue,
    unit,
    severity,
    source,
  }));
  io.out(`${JSON.stringify({ ...result, violations }, null, 2)}\n`);
}

/** Adds `dose check` and `dose library` (issue 3, item 8; docs/pharmacology.md).
 *  Pass io in tests; the real CLI uses the process and the program's own error handling. */
export function registerDoseCommands(program: Command, io?: CliIo): Command {
  const effectiveIo = io ?? processIo;
  const dose = routeOutputTo(
    program.command('dose').description('Check doses and rates against the drug library (docs/pharmacology.md).'),
    io,
  );
  dose
    .command('check')
    .description('Check a proposed dose or rate: prints { verdict, violations, volumeMl, libraryVersion } as JSON.')
    .option('--product <id>', 'product id from the drug library')
    .option('--profile <id>', 'care-area profile id')
    .option('--weight-kg <kg>', 'patient weight, 30-300 kg')
    .option('--dose <quantity>', 'a dose, e.g. "0.35 mg/kg"')
    .option('--rate <quantity>', 'a rate, e.g. "0.5 mg/kg/h"')
    .option('--given-session <quantity>', 'already given this session, e.g. "50 mg"')
    .option('--given-24h <quantity>', 'given in the last 24 h, e.g. "100 mg"')
    .option('--duration-min <min>', 'infusion duration in minutes')
    .option('--concentration <quantity>', 'concentration drawn or infused, e.g. "1 mg/mL" or "5 %"')
    .option('--library <file>', 'a clinic drug library JSON file instead of the default')
    .option('--clinic <id>', "the clinic's current approved library from the database (the default when it has none)")
    .action((options: CheckOptions) => runCheck(effectiveIo, options));
  dose
    .command('library')
    .description('Print the drug library (products and profiles with their ids and limits) as JSON.')
    .option('--library <file>', 'a clinic drug library JSON file instead of the default')
    .action((options: { library?: string }) => {
      const library = loadLibrary(effectiveIo, options.library);
      if (!library.ok) {
        failWithIssues(effectiveIo, [{ field: 'library', message: library.message }], doseFlag);
        return;
      }
      effectiveIo.out(`${JSON.stringify(library.value, null, 2)}\n`);
    });
  return dose;
}
