import type { Command } from 'commander';
import type { CliContext } from '../types';

/** `audit-gateway import`: registered by cli/main.ts; its owner replaces this file's body. */
export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('not available in this build yet')
    .action(() => {
      ctx.err('audit-gateway import is not available in this build yet');
      process.exitCode = 2;
    });
}
