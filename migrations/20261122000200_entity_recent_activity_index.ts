/**
 * The Atlan starter aggregation (top users, top actions, daily volume over the last 30 days) as an
 * index-only range scan: entity events by time, carrying actor and action. Without it each GROUP BY
 * scans a whole actor/action index filtered on time (docs/performance.md, recommendation 2).
 */
import type { Knex } from 'knex';

export const config = { transaction: false };

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_events_entity_recent_activity_idx
     ON audit_events (tenant, recorded_at) INCLUDE (actor, action) WHERE family = 'entity'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS audit_events_entity_recent_activity_idx');
}
