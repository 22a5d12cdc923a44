/**
 * Refreshes the planner statistics of the tables a bulk load grows. The ingest statements are
 * planned from them: with statistics from an empty table (or none, where autovacuum is off) the
 * planner walks the whole tenant instead of one guid's events, and a bulk load slows to a crawl.
 * The CLI import calls this after batches 1, 4, 16, 64, … so the cost stays negligible.
 */
import type { Knex } from 'knex';

export async function analyzeIngestTables(db: Knex): Promise<void> {
  await db.raw('ANALYZE audit_events');
  await db.raw('ANALYZE entities');
}

/** True for batch numbers 1, 4, 16, 64, …: when a growing table's statistics are refreshed. */
export function isAnalyzePoint(batchNumber: number): boolean {
  let n = 1;
  while (n < batchNumber) n *= 4;
  return n === batchNumber;
}
