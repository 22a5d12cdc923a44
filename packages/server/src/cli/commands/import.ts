import type { Command } from 'commander';
import { AuditError } from '@audit-gateway/ir';
import { createImportProgress } from '../../ingest/import/ImportProgress';
import { checkImportOptions } from '../../ingest/import/ImportOptions';
import { runImport } from '../../ingest/import/runImport';
import type { CliContext } from '../types';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `audit-gateway import FILE... --format atlan|atlas|atomic` (spec/ingest.md §9). */
export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Load audit records from NDJSON or JSON-array files straight into the store')
    .argument('<FILE...>', 'files to load, in order; - reads standard input')
    .requiredOption('--format <format>', 'atlan, atlas or atomic')
    .option('--tenant <tenant>', 'the tenant the records are stored in', 'default')
    .option(
      '--environment <environment>',
      'an environment Atomic records may use (repeatable)',
      collect,
    )
    .option('--resume <FILE:OFFSET>', 'continue an interrupted import where it stopped')
    .action(async (files: string[], opts: Record<string, string | string[] | undefined>) => {
      let options;
      try {
        options = checkImportOptions({
          files,
          format: opts.format as string | undefined,
          tenant: opts.tenant as string | undefined,
          environment: opts.environment as string[] | undefined,
          resume: opts.resume as string | undefined,
        });
      } catch (e) {
        if (!AuditError.is(e)) throw e;
        ctx.err(`audit-gateway import: ${e.message}`);
        process.exitCode = 2;
        return;
      }
      const database = await ctx.openDatabase(ctx.loadConfig(), { poolMax: 2 });
      let stop = false;
      const onSignal = () => {
        stop = true;
        ctx.err('import: stopping after the batch in flight…');
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const result = await runImport(database.db, options, {
          err: (line) => ctx.err(line),
          progress: createImportProgress(ctx.interactive, (line) => ctx.err(line)),
          stdin: process.stdin,
          stopRequested: () => stop,
        });
        if (!result.ok) {
          ctx.err(result.resumeReport);
          process.exitCode = 1;
          return;
        }
        ctx.out(JSON.stringify(result.summary));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await database.close();
      }
    });
}
