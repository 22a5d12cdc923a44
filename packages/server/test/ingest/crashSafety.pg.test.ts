/**
 * Crash safety (issue acceptance): an import killed with SIGKILL mid-run leaves only whole,
 * committed batches, in file order; re-running it stores the rest and nothing twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { generate } from '../../../../scripts/generate/generate';

const db = useTestDatabase();
const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'bin', 'audit-gateway');
const RECORDS = 30_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-crash-'));
  const files = await generate(
    {
      atlan: RECORDS,
      atlas: 1,
      atomic: 0,
      seed: 11,
      days: 30,
      end: Date.UTC(2024, 5, 1),
      environments: ['e'],
    },
    dir,
  );
  file = files.atlan;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runImport(): {
  done: Promise<{ code: number | null; out: string; err: string }>;
  kill: () => void;
} {
  const child = spawn(
    process.execPath,
    [CLI, 'import', file, '--format', 'atlan', '--tenant', 'crash'],
    {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((res) =>
    child.on('close', (code) => res({ code, out, err })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

async function stored(): Promise<{ n: number; maxTs: number }> {
  const { rows } = await db().raw<{ rows: { n: string; max_ts: string | null }[] }>(
    `SELECT count(*) AS n, (extract(epoch FROM max(occurred_at)) * 1000)::bigint AS max_ts
     FROM audit_events WHERE tenant = 'crash' AND family = 'entity'`,
  );
  return { n: Number(rows[0]?.n), maxTs: Number(rows[0]?.max_ts ?? 0) };
}

it('SIGKILL during an import loses only the batch in flight; a re-run completes it once', async () => {
  const run = runImport();
  const deadline = Date.now() + 60_000;
  while ((await stored()).n < 3000 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  run.kill();
  const killed = await run.done;
  expect(killed.code).toBeNull(); // killed, not finished
  const after = await stored();
  expect(after.n).toBeGreaterThanOrEqual(3000);
  expect(after.n).toBeLessThan(RECORDS);
  expect(after.n % 1000).toBe(0); // whole batches only
  // the stored rows are exactly the first n records of the file (timestamps rise in file order)
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(file, 'utf8').split('\n');
  const lastStored = JSON.parse(lines[after.n - 1]!) as { timestamp: number };
  expect(after.maxTs).toBe(lastStored.timestamp);

  const rerun = await runImport().done;
  expect(rerun.code).toBe(0);
  const summary = JSON.parse(rerun.out) as Record<string, number>;
  expect(summary).toMatchObject({
    records: RECORDS,
    ingested: RECORDS - after.n,
    duplicates: after.n,
  });
  expect((await stored()).n).toBe(RECORDS);
}, 180_000);
