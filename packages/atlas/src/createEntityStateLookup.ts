/**
 * E3's existence check also accepts an entity known only from the current-state table
 * (spec/atlas-admin-audits.md §8.2): e.g. an entity ingested as a header snapshot without events.
 * This reads one row by primary key; it is not an audit query, so it does not go through the IR.
 */
import type { Db } from '@audit-gateway/store';
import type { EntityState } from './AtlasDeps';

interface EntityRow {
  readonly type_name: string | null;
  readonly qualified_name: string | null;
}

export function createEntityStateLookup(
  db: Db,
): (tenant: string, guid: string) => Promise<EntityState | undefined> {
  return async (tenant, guid) => {
    const row = (await db('entities')
      .select('type_name', 'qualified_name')
      .where({ tenant, guid })
      .first()) as EntityRow | undefined;
    return row ? { typeName: row.type_name, qualifiedName: row.qualified_name } : undefined;
  };
}
