import type { Command } from 'commander';
import type { CliContext } from '../types';

/** `audit-gateway credentials`: registered by cli/main.ts; its owner replaces this file's body. */
export function registerCredentialsCommand(program: Command, ctx: CliContext): void {
  program
    .command('credentials')
    .description('not available in this build yet')
    .action(() => {
      ctx.err('audit-gateway credentials is not available in this build yet');
      process.exitCode = 2;
    });
}
