/**
 * The values the workloads ask for, read from the loaded data so every request matches real rows:
 * hot entities (the most events) and cold ones (one event), the busiest Atlas user and its most
 * common operation, the busiest Atomic environment and auth type, and each family's last 30 days.
 */
import type { Knex } from 'knex';

export interface Samples {
  readonly tenant: string;
  readonly hotEntities: readonly string[];
  readonly coldEntities: readonly string[];
  /** epoch ms: the newest entity event minus 30 days */
  readonly entityWindowStart: number;
  readonly atlasUser: string | null;
  readonly atlasOperation: string | null;
  readonly atlasWindow: readonly [number, number];
  readonly atomicEnvironment: string | null;
  readonly atomicAuthType: string | null;
}

const DAY_MS = 86_400_000;

async function column(db: Knex, sql: string, bindings: readonly unknown[]): Promise<string[]> {
  const { rows } = await db.raw<{ rows: { v: string }[] }>(sql, bindings as Knex.RawBinding[]);
  return rows.map((r) => r.v);
}

async function epochMs(db: Knex, sql: string, bindings: readonly unknown[]): Promise<number> {
  const [v] = await column(db, sql, bindings);
  return v === undefined || v === null ? Date.now() : Number(v);
}

export async function pickSamples(db: Knex, tenant: string): Promise<Samples> {
  const hotEntities = await column(
    db,
    `SELECT entity_id AS v FROM audit_events WHERE tenant = ? AND family = 'entity'
     GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 3`,
    [tenant],
  );
  const coldEntities = await column(
    db,
    `SELECT entity_id AS v FROM audit_events WHERE tenant = ? AND family = 'entity'
     GROUP BY entity_id ORDER BY count(*), entity_id LIMIT 3`,
    [tenant],
  );
  const entityEnd = await epochMs(
    db,
    `SELECT (extract(epoch FROM max(recorded_at)) * 1000)::bigint AS v FROM audit_events
     WHERE tenant = ? AND family = 'entity'`,
    [tenant],
  );
  const [atlasUser] = await column(
    db,
    `SELECT actor AS v FROM audit_events WHERE tenant = ? AND family = 'admin'
     GROUP BY actor ORDER BY count(*) DESC, actor LIMIT 1`,
    [tenant],
  );
  const [atlasOperation] = atlasUser
    ? await column(
        db,
        `SELECT action AS v FROM audit_events WHERE tenant = ? AND family = 'admin' AND actor = ?
         GROUP BY action ORDER BY count(*) DESC, action LIMIT 1`,
        [tenant, atlasUser],
      )
    : [];
  const atlasEnd = await epochMs(
    db,
    `SELECT (extract(epoch FROM max(occurred_at)) * 1000)::bigint AS v FROM audit_events
     WHERE tenant = ? AND family = 'admin'`,
    [tenant],
  );
  const [atomicEnvironment] = await column(
    db,
    `SELECT environment AS v FROM audit_events WHERE tenant = ? AND family = 'request'
     AND environment NOT LIKE '\\_%' GROUP BY environment ORDER BY count(*) DESC, environment LIMIT 1`,
    [tenant],
  );
  const [atomicAuthType] = atomicEnvironment
    ? await column(
        db,
        `SELECT auth_type AS v FROM audit_events WHERE tenant = ? AND family = 'request'
         AND environment = ? AND auth_type IS NOT NULL
         GROUP BY auth_type ORDER BY count(*) DESC, auth_type LIMIT 1`,
        [tenant, atomicEnvironment],
      )
    : [];
  return {
    tenant,
    hotEntities,
    coldEntities,
    entityWindowStart: entityEnd - 30 * DAY_MS,
    atlasUser: atlasUser ?? null,
    atlasOperation: atlasOperation ?? null,
    atlasWindow: [atlasEnd - 30 * DAY_MS, atlasEnd],
    atomicEnvironment: atomicEnvironment ?? null,
    atomicAuthType: atomicAuthType ?? null,
  };
}
