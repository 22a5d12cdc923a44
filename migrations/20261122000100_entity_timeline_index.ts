/**
 * Entity events by asset in timestamp order: the entity-state fold at ingest (spec/ingest.md §6)
 * and the Atlas per-entity history (spec/atlas-admin-audits.md §8) read an entity's events ordered
 * by `timestamp` (occurred_at), which the recorded_at-ordered history index cannot serve.
 * Built CONCURRENTLY outside a transaction, as an index on a populated table must be (STYLE §3.12).
 */
import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_events_entity_timeline_idx
     ON audit_events (tenant, entity_id, occurred_at, recorded_at, seq) WHERE family = 'entity'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS audit_events_entity_timeline_idx');
}
