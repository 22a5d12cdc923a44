/**
 * `npm run bench -- --events N`: generates and loads a dataset, runs W1–W6 of DESIGN §6 through the
 * HTTP API and as hand-written SQL, prints one JSON document (stdout or --out) and a table (stderr).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTable } from './formatTable';
import { BenchUsageError, parseBenchArgs } from './parseBenchArgs';
import { runBench } from './runBench';

const REPO_ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const options = parseBenchArgs(
    process.argv.slice(2),
    { DATABASE_URL: process.env.DATABASE_URL },
    log,
  );
  const report = await runBench(options, REPO_ROOT, (release) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log(`${signal}: stopping what the run started`);
      void release().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (options.out) writeFileSync(options.out, json);
  else process.stdout.write(json);
  process.stderr.write(`\n${formatTable(report)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(
    `bench: ${e instanceof Error ? (e instanceof BenchUsageError ? e.message : (e.stack ?? e.message)) : String(e)}\n`,
  );
  process.exitCode = e instanceof BenchUsageError ? 2 : 1;
});
