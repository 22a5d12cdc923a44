/**
 * Real-PostgreSQL test harness (STYLE §3.11). Global setup migrates a template database once per
 * run; `useTestDatabase()` clones it per test file with CREATE DATABASE … TEMPLATE, so every file
 * gets a clean, migrated database in milliseconds. DATABASE_URL is used when set, otherwise an
 * embedded PostgreSQL started by global setup. These tests never skip.
 */
import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../src/db';

export const ENV_ADMIN_URL = 'AUDIT_GATEWAY_TEST_ADMIN_URL';
export const ENV_TEMPLATE = 'AUDIT_GATEWAY_TEST_TEMPLATE';

export function urlForDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function settings(): { adminUrl: string; template: string } {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const template = process.env[ENV_TEMPLATE];
  if (!adminUrl || !template)
    throw new Error('the test database harness needs jest globalSetup (run tests with npm test)');
  return { adminUrl, template };
}

/** Runs one statement on a short-lived admin connection, so no handle outlives a test file. */
async function onAdmin(sql: string, bindings: readonly string[]): Promise<void> {
  const admin = createDb({ url: settings().adminUrl, poolMax: 1 });
  try {
    await admin.raw(sql, bindings);
  } finally {
    await admin.destroy();
  }
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  (): Db;
}

/** A fresh migrated database for this test file, dropped after it. */
export function useTestDatabase(): TestDatabase {
  const name = `audit_test_${randomBytes(8).toString('hex')}`;
  let db: Db | undefined;
  beforeAll(async () => {
    await createDatabaseFromTemplate(name);
    db = createDb({ url: urlForDatabase(settings().adminUrl, name), poolMax: 10 });
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });
  const get = (() => {
    if (!db) throw new Error('useTestDatabase: no database outside a test');
    return db;
  }) as TestDatabase;
  Object.defineProperty(get, 'name', { value: name });
  Object.defineProperty(get, 'url', { get: () => urlForDatabase(settings().adminUrl, name) });
  return get;
}

/** A new database cloned from the migrated template (for tests that manage their own lifecycle). */
export async function createDatabaseFromTemplate(name: string): Promise<string> {
  await onAdmin('CREATE DATABASE ?? TEMPLATE ??', [name, settings().template]);
  return urlForDatabase(settings().adminUrl, name);
}

/** A new, empty (unmigrated) database. */
export async function createEmptyDatabase(name: string): Promise<string> {
  await onAdmin(`CREATE DATABASE ?? ENCODING 'UTF8' TEMPLATE template0`, [name]);
  return urlForDatabase(settings().adminUrl, name);
}

export async function dropDatabase(name: string): Promise<void> {
  await onAdmin('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
}

export function testAdminUrl(): string {
  return settings().adminUrl;
}
