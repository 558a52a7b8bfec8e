import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another ketaclinic process (pid ${pid}). ` +
        'Stop the server first, or use the equivalent admin screen while it runs. ' +
        `If no ketaclinic process is running (its pid was reused), delete ${path.join(dataDir, 'ketaclinic.lock')}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite does not lock its data folder, and two processes on one folder corrupt it. This takes an exclusive
 * lock file holding our pid; a lock left by a dead process is recovered. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'ketaclinic.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    // Write the pid to a private file, then link it into place: the lock appears atomically with its content,
    // so no other process can see an empty lock file and take it for stale.
    const candidate = `${lockPath}.${process.pid}.tmp`;
    fs.writeFileSync(candidate, String(process.pid));
    try {
      fs.linkSync(candidate, lockPath);
      return () => {
        if (readPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(lockPath);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      if (holder === process.pid) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    } finally {
      fs.rmSync(candidate, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function readPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
