/** Migrations (top-level `migrations/`) run through knex with a static migration source. */
import type { Knex } from 'knex';
import { MIGRATIONS } from '../../../migrations';

const source: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(MIGRATIONS.map(([name]) => name)),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const found = MIGRATIONS.find(([n]) => n === name);
    if (!found) throw new Error(`unknown migration ${name}`);
    return Promise.resolve(found[1]);
  },
};

const config: Knex.MigratorConfig = { migrationSource: source, tableName: 'knex_migrations' };

export interface MigrationResult {
  readonly applied: readonly string[];
}

export async function migrateLatest(db: Knex): Promise<MigrationResult> {
  const [, applied] = (await db.migrate.latest(config)) as [number, string[]];
  return { applied };
}

export async function rollbackAll(db: Knex): Promise<MigrationResult> {
  const [, reverted] = (await db.migrate.rollback(config, true)) as [number, string[]];
  return { applied: reverted };
}

/** Pending migration names; empty when the schema is current. */
export async function pendingMigrations(db: Knex): Promise<readonly string[]> {
  const [, pending] = (await db.migrate.list(config)) as [unknown[], { file: string }[] | string[]];
  return pending.map((p) => (typeof p === 'string' ? p : p.file));
}
