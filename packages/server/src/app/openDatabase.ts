/**
 * Opens the gateway's database: DATABASE_URL when set, else an embedded PostgreSQL under the data
 * directory (DESIGN §4.1). Either way the same knex/pg path, migrated to the latest schema.
 */
import { createDb, migrateLatest, startEmbeddedPostgres, type Db } from '@audit-gateway/store';
import type { Config } from '../config/Config';

export interface OpenDatabase {
  readonly db: Db;
  /** where it is, without credentials (for logs) */
  readonly description: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly migrate?: boolean;
  readonly poolMax?: number;
  readonly log?: (message: string) => void;
}

export async function openDatabase(
  config: Config,
  options: OpenDatabaseOptions = {},
): Promise<OpenDatabase> {
  const log = options.log ?? (() => undefined);
  let url: string;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let description: string;
  if (config.database.kind === 'url') {
    url = config.database.url;
    const u = new URL(url);
    description = `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } else {
    const pg = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      ...(config.database.port !== undefined ? { port: config.database.port } : {}),
      log,
    });
    url = pg.url;
    stopEmbedded = () => pg.stop();
    description = `embedded PostgreSQL on 127.0.0.1:${pg.port} (data in ${config.database.dataDir})`;
  }
  const db = createDb({
    url,
    poolMax: options.poolMax ?? 20,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    if (options.migrate !== false) await migrateLatest(db);
  } catch (e) {
    await db.destroy();
    await stopEmbedded?.();
    throw e;
  }
  return {
    db,
    description,
    async close() {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}
