/** spec/ingest.md §11.2 case 31 (CLI import), through runImport on a real PostgreSQL. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { checkImportOptions } from '../../src/ingest/import/ImportOptions';
import { runImport } from '../../src/ingest/import/runImport';
import { atomicEntry } from './atlanFixture';
import { T0 } from './ingestRequest';

const db = useTestDatabase();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number) => ({
  entityId: `g${i % 97}`,
  action: 'ENTITY_UPDATE',
  typeName: 'Table',
  user: 'alice',
  timestamp: T0 + i,
  created: T0 + i + 1,
  detail: { attributes: { n: i } },
});

function write(name: string, lines: unknown[], asArray = false): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    asArray
      ? `[\n${lines.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`
      : `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
  );
  return path;
}

async function importFiles(args: Parameters<typeof checkImportOptions>[0]) {
  const errors: string[] = [];
  const transactions: number[] = [];
  const result = await runImport(db(), checkImportOptions(args), {
    err: (l) => errors.push(l),
    progress: {
      start: () => undefined,
      update: (n) => transactions.push(n),
      stop: () => undefined,
    },
    stdin: Readable.from([]),
    stopRequested: () => false,
  });
  return { result, errors, transactions };
}

const opts = (files: string[], extra: Partial<Parameters<typeof checkImportOptions>[0]> = {}) => ({
  files,
  format: 'atlan',
  tenant: 'acme',
  environment: undefined,
  resume: undefined,
  ...extra,
});

describe('case 31: CLI import', () => {
  const records = Array.from({ length: 2500 }, (_, i) => record(i));

  it('imports in batches of 1000 and a second run stores nothing', async () => {
    const file = write('atlan.ndjson', records);
    const first = await importFiles(opts([file]));
    expect(first.result.ok).toBe(true);
    expect(first.result.summary).toMatchObject({
      files: 1,
      records: 2500,
      ingested: 2500,
      duplicates: 0,
      derivedEvents: 0,
    });
    expect(first.transactions).toEqual([1000, 2000, 2500]);
    const again = await importFiles(opts([file]));
    expect(again.result.summary).toMatchObject({ records: 2500, ingested: 0, duplicates: 2500 });
  });

  it.each([false, true])(
    'stops at an invalid record and resumes (JSON array: %s)',
    async (asArray) => {
      const tenant = asArray ? 'fresh-array' : 'fresh-ndjson';
      const broken = records.map((r, i) => (i === 1700 ? { ...r, timestamp: 'soon' } : r));
      const file = write(`broken-${asArray}.json`, broken, asArray);
      const out = await importFiles(opts([file], { tenant }));
      expect(out.result.ok).toBe(false);
      if (out.result.ok) return;
      const reported = JSON.parse(out.errors[0]!) as { errors: { index: number; line?: number }[] };
      expect(reported.errors[0]).toMatchObject(
        asArray ? { index: 1700 } : { index: 1700, line: 1701 },
      );
      const m = /after 1000 records \(byte offset (\d+)\); resume with --resume (.+):(\d+)$/.exec(
        out.result.resumeReport,
      );
      expect(m?.[2]).toBe(file);
      const { rows } = await db().raw<{ rows: { n: string }[] }>(
        "SELECT count(*) AS n FROM audit_events WHERE tenant = ? AND family = 'entity'",
        [tenant],
      );
      expect(Number(rows[0]?.n)).toBe(1000);

      write(`broken-${asArray}.json`, records, asArray);
      const resumed = await importFiles(opts([file], { tenant, resume: `${file}:${m?.[1]}` }));
      expect(resumed.result.summary).toMatchObject({
        records: 1500,
        ingested: 1500,
        duplicates: 0,
      });
    },
  );

  it('refuses bad options before reading any record', () => {
    expect(() => checkImportOptions(opts(['x'], { format: 'atomic' }))).toThrow(/--environment/);
    expect(() => checkImportOptions(opts(['x'], { tenant: '_system' }))).toThrow(/reserved/);
    expect(() => checkImportOptions(opts(['x'], { environment: ['env-a'] }))).toThrow(/only/);
  });

  it('checks Atomic environments against --environment', async () => {
    const file = write('atomic.ndjson', [
      atomicEntry('c1', { environmentId: 'env-a' }),
      atomicEntry('c2', { environmentId: 'env-b' }),
    ]);
    const out = await importFiles(opts([file], { format: 'atomic', environment: ['env-a'] }));
    expect(out.result.ok).toBe(false);
    expect(JSON.parse(out.errors[0]!)).toMatchObject({
      errors: [{ index: 1, line: 2, pointer: '/environmentId' }],
    });
  });
});
