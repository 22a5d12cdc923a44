/**
 * Once per jest run: find a PostgreSQL (DATABASE_URL, or an embedded one), create a template
 * database with a per-run name (parallel runs never share one) and migrate it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDb } from '../src/db';
import { migrateLatest } from '../src/migrate';
import { startEmbeddedPostgres } from '../src/embeddedPostgres';
import { ENV_ADMIN_URL, ENV_TEMPLATE, urlForDatabase } from './testDatabase';

declare global {
  var __auditGatewayTestPg: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir =
      process.env.AUDIT_GATEWAY_TEST_DATA_DIR ?? join(process.cwd(), 'data', 'test-postgres');
    const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    globalThis.__auditGatewayTestPg = pg;
    adminUrl = pg.adminUrl;
  }
  const template = `audit_tpl_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ url: adminUrl, poolMax: 1 });
  try {
    await admin.raw(`CREATE DATABASE ?? ENCODING 'UTF8' TEMPLATE template0`, [template]);
  } finally {
    await admin.destroy();
  }
  const db = createDb({ url: urlForDatabase(adminUrl, template), poolMax: 1 });
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy(); // PostgreSQL refuses to copy a template with open connections
  }
  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_TEMPLATE] = template;
}
