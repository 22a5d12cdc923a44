import type { Command } from 'commander';
import type { CliContext } from '../types';

/** `audit-gateway seed`: registered by cli/main.ts; its owner replaces this file's body. */
export function registerSeedCommand(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('not available in this build yet')
    .action(() => {
      ctx.err('audit-gateway seed is not available in this build yet');
      process.exitCode = 2;
    });
}
