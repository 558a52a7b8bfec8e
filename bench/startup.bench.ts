import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Wall time from `node dist/ketaclinic.mjs serve --demo` (what `npm start` runs, after `npm run build`) to /api/health
 * answering, on a fresh and on an existing data dir.
 */
export async function runStartupBenchmarks() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-bench-'));
  try {
    const fresh = await timeStart(dataDir);
    const existing = [await timeStart(dataDir), await timeStart(dataDir), await timeStart(dataDir)];
    return { embeddedStartFreshMs: fresh, embeddedStartExistingMs: Math.min(...existing), embeddedStartExistingRunsMs: existing };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeStart(dataDir: string): Promise<number> {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/ketaclinic.mjs', 'serve', '--demo'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return Math.round(performance.now() - started);
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
