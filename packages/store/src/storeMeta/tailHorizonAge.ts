/**
 * The age of the oldest open transaction that holds a transaction id, anywhere in the cluster: what
 * pins the tail horizon (spec/atomic-audit-log.md §8.4), exported as the gauge
 * `audit_gateway_tail_horizon_age_seconds`. Prepared (two-phase) transactions count from the moment
 * they were prepared. 0 when nothing holds an id. Sessions of other roles may be hidden from a role
 * without pg_read_all_stats, which can only make the figure smaller, never wrong in kind.
 */
import type { Db } from '../db';

export async function tailHorizonAgeSeconds(db: Db): Promise<number> {
  const result = await db.raw<{ rows: { age: string | number | null }[] }>(
    `SELECT GREATEST(
       COALESCE((SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(xact_start))
                 FROM pg_stat_activity WHERE backend_xid IS NOT NULL), 0),
       COALESCE((SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(prepared))
                 FROM pg_prepared_xacts), 0)) AS age`,
  );
  return Number(result.rows[0]?.age ?? 0);
}
