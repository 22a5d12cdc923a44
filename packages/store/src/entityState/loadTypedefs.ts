/** Read side of `typedefs` (spec/atlan-auditsearch.md §7): a tenant's definitions by category. */
import type { Knex } from 'knex';
import type { JsonValue } from '@audit-gateway/ir';

export interface TypedefRow {
  readonly category: string;
  readonly name: string;
  /** the definition as ingested */
  readonly definition: { readonly [k: string]: JsonValue };
}

/** Definitions of `tenant` in the given (upper-case) categories, ordered by category and name. */
export async function loadTypedefs(
  db: Knex,
  tenant: string,
  categories: readonly string[],
): Promise<TypedefRow[]> {
  if (categories.length === 0) return [];
  return db<TypedefRow>('typedefs')
    .select('category', 'name', 'definition')
    .where('tenant', tenant)
    .whereIn('category', [...categories])
    .orderBy([
      { column: 'category', order: 'asc' },
      { column: 'name', order: 'asc' },
    ]);
}
