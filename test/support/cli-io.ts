import { Command, CommanderError } from 'commander';
import type { CliIo } from '../../src/cli/pk.command.ts';

export interface CliRun {
  out: string;
  err: string;
  code: number;
}

/**
 * Runs CLI commands in-process with captured output, an exit code and an in-memory file system, so command tests
 * need no subprocess. `register` adds the command group under test to a fresh `ketaclinic` program.
 */
export async function runCli(
  register: (program: Command, io: CliIo) => unknown,
  args: string[],
  files: Record<string, string> = {},
): Promise<CliRun> {
  const captured: CliRun = { out: '', err: '', code: 0 };
  const io: CliIo = {
    out: (text) => {
      captured.out += text;
    },
    err: (text) => {
      captured.err += text;
    },
    exit: (code) => {
      captured.code = code;
    },
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    },
  };
  const program = new Command('ketaclinic');
  register(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
  }
  return captured;
}
