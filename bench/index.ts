import { runHttpBenchmarks } from './http.bench.ts';
import { runLedgerBenchmarks } from './ledger.bench.ts';
import { runPkBenchmarks } from './pk.bench.ts';
import { runStartupBenchmarks } from './startup.bench.ts';

/** `npm run bench`: every benchmark, one JSON document on stdout. `--quick` shortens the HTTP runs to 5 s. */
const quick = process.argv.includes('--quick');
const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };
results.pk = await runPkBenchmarks();
results.startup = await runStartupBenchmarks();
results.http = await runHttpBenchmarks({ durationS: quick ? 5 : 30 });
results.ledger = await runLedgerBenchmarks();
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
