import type { Command } from 'commander';
import { seedDemo } from '../../ingest/demo/seedDemo';
import type { CliContext } from '../types';

/** `audit-gateway seed --demo` (spec/ingest.md §9.6). */
export function registerSeedCommand(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('Load data into the store; --demo loads a small demo set into tenant "default"')
    .option('--demo', 'the fixed demo set (running it again stores nothing new)')
    .action(async (opts: { demo?: boolean }) => {
      if (!opts.demo) {
        ctx.err('audit-gateway seed: say what to load (--demo)');
        process.exitCode = 2;
        return;
      }
      const database = await ctx.openDatabase(ctx.loadConfig(), { poolMax: 2 });
      try {
        ctx.out(JSON.stringify(await seedDemo(database.db)));
      } finally {
        await database.close();
      }
    });
}
