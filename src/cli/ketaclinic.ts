import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { registerAdminCommands } from './admin.command.ts';
import { registerBackupCommands } from './backup.command.ts';
import { registerDoseCommands } from './dose.command.ts';
import { registerLedgerCommands } from './ledger.command.ts';
import { registerPkCommands } from './pk.command.ts';
import { registerScreenCommands } from './screen.command.ts';
import { registerServeCommand } from './serve.command.ts';

const program = new Command('ketaclinic')
  .description('KetaClinic: ketamine and esketamine clinic platform.')
  .showHelpAfterError()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) })
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

registerServeCommand(program);
registerAdminCommands(program);
registerBackupCommands(program);
registerLedgerCommands(program);
registerPkCommands(program);
registerDoseCommands(program);
registerScreenCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof ConfigError) {
    process.stderr.write(`ketaclinic: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
