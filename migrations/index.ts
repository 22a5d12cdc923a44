/**
 * The ordered list of migrations, handed to knex as a migration source. A static list (rather than
 * a directory scan) loads the same way under tsx, jest and a bundled build.
 */
import type { Knex } from 'knex';
import * as initialSchema from './20261122000000_initial_schema';
import * as entityTimelineIndex from './20261122000100_entity_timeline_index';
import * as entityRecentActivityIndex from './20261122000200_entity_recent_activity_index';

export const MIGRATIONS: readonly [string, Knex.Migration][] = [
  ['20261122000000_initial_schema', initialSchema],
  ['20261122000100_entity_timeline_index', entityTimelineIndex],
  ['20261122000200_entity_recent_activity_index', entityRecentActivityIndex],
];
