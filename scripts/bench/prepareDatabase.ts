/**
 * The PostgreSQL a run measures: an embedded one in a temporary directory (no DATABASE_URL), a
 * scratch database created next to DATABASE_URL and dropped afterwards (the default), or
 * DATABASE_URL itself (`--reuse-database`). Migrated either way, so the server finds it current.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateLatest, startEmbeddedPostgres } from '@audit-gateway/store';

export interface BenchDatabase {
  readonly url: string;
  /** what the report says about it (never the password) */
  readonly kind: 'embedded' | 'scratch' | 'given';
  release(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function migrate(url: string): Promise<void> {
  const db = createDb({ url, poolMax: 1, applicationName: 'audit-gateway-bench' });
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
}

async function scratchDatabase(baseUrl: string): Promise<BenchDatabase> {
  const name = `audit_bench_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ url: baseUrl, poolMax: 1, applicationName: 'audit-gateway-bench' });
  try {
    // an identifier cannot be a bound parameter; the name is ours and matches [a-z0-9_]
    await admin.raw(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  const url = withDatabase(baseUrl, name);
  await migrate(url);
  return {
    url,
    kind: 'scratch',
    async release() {
      const a = createDb({ url: baseUrl, poolMax: 1, applicationName: 'audit-gateway-bench' });
      try {
        await a.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.destroy();
      }
    },
  };
}

async function embeddedDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-bench-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), log });
  await migrate(pg.url);
  return {
    url: pg.url,
    kind: 'embedded',
    async release() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function prepareDatabase(
  databaseUrl: string | undefined,
  reuse: boolean,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  if (!databaseUrl) return embeddedDatabase(log);
  if (!reuse) return scratchDatabase(databaseUrl);
  await migrate(databaseUrl);
  return { url: databaseUrl, kind: 'given', release: () => Promise.resolve() };
}
