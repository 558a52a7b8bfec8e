import type { Command } from 'commander';
import { restoreBackup, writeBackup } from '../app/backup.usecases.ts';
import { AppError } from '../app/errors.ts';
import { fail, withDatabase } from './cli-support.ts';

export function registerBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description('Write a logical dump (schema version, data, audit chain heads) of the configured database.')
    .action(async (file: string) => {
      const header = await withDatabase((deps) => writeBackup(file, deps));
      const rows = Object.values(header.rowCounts).reduce((a, b) => a + b, 0);
      process.stdout.write(`Backup written to ${file}: schema ${header.schemaVersion}, ${rows} rows.\n`);
    });

  program
    .command('restore <file>')
    .description('Load a backup into an empty database (embedded or DATABASE_URL) and verify its audit chains.')
    .action(async (file: string) => {
      try {
        const header = await withDatabase((deps) => restoreBackup(file, deps));
        process.stdout.write(`Restored ${file} (backup of ${header.createdAt}); audit and ledger chains verified.\n`);
      } catch (error) {
        if (error instanceof AppError) return fail(error.message);
        throw error;
      }
    });
}
