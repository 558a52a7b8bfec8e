import type { Command } from 'commander';
import type { Deps } from '../app/deps.ts';
import { type LedgerVerification, verifyLedger } from '../app/ledger/ledger-verify.usecases.ts';
import { withDatabase } from './cli-support.ts';
import { type CliIo, processIo, routeOutputTo } from './pk.command.ts';

/** How a command reaches the database: the configured one by default, an open test database in tests. */
export type OpenDeps = <T>(work: (deps: Deps) => Promise<T>) => Promise<T>;

const HELP_AFTER = `
Recomputes every entry's hash (SHA-256 over the previous hash and the entry with its lines), compares each chain's
end with the head kept outside the chain, and compares every cached balance with the sum of its lines.
Exit 0: "ledger verified". Exit 1: the first bad entry (DEA number, seq, entry id, reason) or a balance mismatch.
Reasons: hash_mismatch (entry or line altered, rows reordered), sequence_gap (entry removed), tail_missing (newest
entries removed), head_mismatch / head_missing (head altered or removed). Uses DATA_DIR or DATABASE_URL like
\`audit verify\`. Keep the printed heads somewhere off this machine: they are the evidence (src/domain/ledger/README.md).`;

function describeBreak(b: NonNullable<LedgerVerification['firstBreak']>): string {
  const entry = b.entryId ? `entry ${b.entryId}` : 'no entry (missing)';
  return `ledger broken: first bad entry is registration ${b.deaNumber} seq ${b.seq}, ${entry} (${b.reason})`;
}

function describeMismatch(m: LedgerVerification['balanceMismatches'][number]): string {
  const text = (d: { containers: string; ml: string; mg: string } | null) =>
    d ? `${d.containers} containers, ${d.ml} mL, ${d.mg} mg` : 'none';
  const bucket = `lot ${m.lotId} location ${m.locationId}${m.containerId ? ` container ${m.containerId}` : ' (sealed)'}`;
  return `balance mismatch: ${bucket}: balance ${text(m.book)}, sum of lines ${text(m.sumOfLines)}`;
}

/** Prints the verification: one line per registration, then the verdict; exit 1 on any break or mismatch. */
function report(io: CliIo, result: LedgerVerification, options: { json?: boolean; registration?: string }) {
  if (options.registration && result.registrations.length === 0) {
    io.err('ketaclinic: no DEA registration with that id\n');
    return io.exit(1);
  }
  if (options.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const r of result.registrations)
      io.out(`registration ${r.deaNumber} (${r.registrationId}): ${r.entries} entries, head ${r.headSeq ?? 'none'}\n`);
    if (result.ok) io.out('ledger verified\n');
  }
  if (result.firstBreak) io.err(`ketaclinic: ${describeBreak(result.firstBreak)}\n`);
  for (const mismatch of result.balanceMismatches) io.err(`ketaclinic: ${describeMismatch(mismatch)}\n`);
  if (!result.ok) io.exit(1);
}

/** Adds `ledger verify` (issue 5, item 4): the controlled-substance ledger's tamper check, for operators and cron. */
export function registerLedgerCommands(program: Command, io?: CliIo, openDeps: OpenDeps = withDatabase): Command {
  const effectiveIo = io ?? processIo;
  const ledger = routeOutputTo(program.command('ledger').description('Controlled-substance ledger tools.'), io);
  ledger
    .command('verify')
    .description('Recompute every DEA registration hash chain; exit 1 naming the first bad entry.')
    .option('--registration <id>', 'verify only this registration (id)')
    .option('--json', 'print the whole result as JSON')
    .addHelpText('after', HELP_AFTER)
    .action(async (options: { registration?: string; json?: boolean }) => {
      const scope = options.registration ? { registrationId: options.registration } : {};
      report(effectiveIo, await openDeps((deps) => verifyLedger(deps, scope)), options);
    });
  return ledger;
}
