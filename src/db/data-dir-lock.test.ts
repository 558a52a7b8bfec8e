import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  let dataDir: string;
  const lockPath = () => path.join(dataDir, 'ketaclinic.lock');
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketaclinic-lock-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes this process id to the lock file and removes it on release', () => {
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(lockPath(), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath())).toBe(false);
  });

  it('creates a data dir that does not exist yet', () => {
    const nested = path.join(dataDir, 'a', 'b');
    lockDataDir(nested)();
    expect(fs.statSync(nested).isDirectory()).toBe(true);
  });

  it('refuses a second lock in the same process until the first is released', () => {
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dataDir)();
  });

  it('refuses a lock held by a live process, naming its pid and the way out', () => {
    // The parent of this test worker is alive for the whole run.
    fs.writeFileSync(lockPath(), String(process.ppid));
    const error = (() => {
      try {
        lockDataDir(dataDir);
      } catch (e) {
        return e as DataDirLockedError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(error!.pid).toBe(process.ppid);
    expect(error!.message).toContain('is in use by another ketaclinic process');
    expect(error!.message).toContain('Stop the server first');
    expect(fs.readFileSync(lockPath(), 'utf8')).toBe(String(process.ppid));
  });

  it('replaces a lock file whose content is not a pid', () => {
    fs.writeFileSync(lockPath(), 'garbage');
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(lockPath(), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('release leaves alone a lock file that another process has taken since', () => {
    const release = lockDataDir(dataDir);
    fs.writeFileSync(lockPath(), String(process.ppid));
    release();
    expect(fs.readFileSync(lockPath(), 'utf8')).toBe(String(process.ppid));
  });
});
