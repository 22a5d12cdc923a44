import type { Command } from 'commander';
import { pendingMigrations, rollbackAll } from '@audit-gateway/store';
import type { CliContext } from '../types';

/** `audit-gateway migrate [--down] [--status]`: the same migrations `serve` runs at start-up. */
export function registerMigrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('apply the database migrations (serve also applies them at start-up)')
    .option('--down', 'roll every migration back (drops all gateway tables and their data)')
    .option('--status', 'list pending migrations without applying them')
    .action(async (opts: { down?: boolean; status?: boolean }) => {
      const config = ctx.loadConfig();
      const migrate = !opts.down && !opts.status;
      const opened = await ctx.openDatabase(config, { migrate, poolMax: 2 });
      try {
        if (opts.status) {
          const pending = await pendingMigrations(opened.db);
          ctx.out(pending.length === 0 ? 'schema is up to date' : `pending: ${pending.join(', ')}`);
        } else if (opts.down) {
          const { applied } = await rollbackAll(opened.db);
          ctx.out(
            applied.length === 0 ? 'nothing to roll back' : `rolled back: ${applied.join(', ')}`,
          );
        } else {
          ctx.out(`migrated ${opened.description}; schema is up to date`);
        }
      } finally {
        await opened.close();
      }
    });
}
