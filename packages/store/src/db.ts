/** The one way the gateway connects to PostgreSQL: knex over `pg`, for external and embedded servers alike. */
import knex, { type Knex } from 'knex';
import { types } from 'pg';

// int8 (seq, counts) stays a decimal string; callers convert where a number is safe.
// numeric → number would lose precision silently, so it stays a string too (pg default).
types.setTypeParser(20, (v) => v);

export interface DbOptions {
  readonly url: string;
  readonly poolMax?: number;
  readonly statementTimeoutMs?: number;
  readonly applicationName?: string;
  /** where knex's own warnings go (connection errors also surface as thrown errors) */
  readonly log?: { warn(message: string): void; error(message: string): void };
}

export type Db = Knex;

export function createDb(options: DbOptions): Db {
  const timeout = options.statementTimeoutMs ?? 30_000;
  return knex({
    client: 'pg',
    connection: {
      connectionString: options.url,
      application_name: options.applicationName ?? 'audit-gateway',
      statement_timeout: timeout,
    },
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      afterCreate(
        conn: { query: (sql: string, cb: (err: Error | null) => void) => void },
        done: (err: Error | null, conn: unknown) => void,
      ) {
        // one time zone and one date style for every session, whatever the server's defaults
        conn.query("SET TIME ZONE 'UTC'; SET datestyle TO ISO", (err) => done(err, conn));
      },
    },
    acquireConnectionTimeout: 10_000,
    log: {
      warn: (m: unknown) => options.log?.warn(String(m)),
      error: (m: unknown) => options.log?.error(String(m)),
      deprecate: () => undefined,
      debug: () => undefined,
    },
  });
}
