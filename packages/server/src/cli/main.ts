/**
 * The `audit-gateway` command line (commander): serve, migrate, and the command groups other areas
 * register (credentials, import, seed). `npm start` runs `audit-gateway serve`.
 */
import { Command } from 'commander';
import { openDatabase } from '../app/openDatabase';
import { loadConfig } from '../config/loadConfig';
import { registerCredentialsCommand } from './commands/credentials';
import { registerImportCommand } from './commands/import';
import { registerMigrateCommand } from './commands/migrate';
import { registerSeedCommand } from './commands/seed';
import { registerServeCommand } from './commands/serve';
import type { CliContext } from './types';

export function createProgram(ctx: CliContext): Command {
  const program = new Command('audit-gateway')
    .description('One audit store behind the Atlan, Apache Atlas and Atomic audit APIs')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => ctx.out(s.trimEnd()),
      writeErr: (s) => ctx.err(s.trimEnd()),
    });
  registerServeCommand(program, ctx);
  registerMigrateCommand(program, ctx);
  registerCredentialsCommand(program, ctx);
  registerImportCommand(program, ctx);
  registerSeedCommand(program, ctx);
  return program;
}

export function defaultContext(): CliContext {
  return {
    loadConfig: () => loadConfig(),
    openDatabase,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdout.isTTY),
  };
}

export async function main(
  argv: readonly string[],
  ctx: CliContext = defaultContext(),
): Promise<void> {
  await createProgram(ctx).parseAsync([...argv]);
}
