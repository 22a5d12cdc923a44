/**
 * The store generation (spec/atomic-audit-log.md §8.4): the first key of every tail position. It
 * changes only when an operator restores the store logically into a new cluster, where transaction
 * ids start again; `raiseTo` (AUDIT_GATEWAY_GENERATION) can raise the stored value, never lower it,
 * so stored tail cursors keep working and lose nothing.
 */
import type { Db } from '../db';

export const GENERATION_ROW = 'generation';
const MAX_GENERATION = 32767; // the column is smallint

export async function currentGeneration(db: Db, raiseTo?: number): Promise<number> {
  if (
    raiseTo !== undefined &&
    (!Number.isInteger(raiseTo) || raiseTo < 1 || raiseTo > MAX_GENERATION)
  ) {
    throw new RangeError(`generation must be an integer from 1 to ${MAX_GENERATION}`);
  }
  // one statement: concurrent starts either insert, raise, or leave a larger stored value alone
  await db.raw(
    `INSERT INTO store_meta (key, value) VALUES (?, to_jsonb(?::int))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
     WHERE (store_meta.value #>> '{}')::int < (EXCLUDED.value #>> '{}')::int`,
    [GENERATION_ROW, raiseTo ?? 1],
  );
  const result = await db.raw<{ rows: { generation: number }[] }>(
    `SELECT (value #>> '{}')::int AS generation FROM store_meta WHERE key = ?`,
    [GENERATION_ROW],
  );
  const generation = result.rows[0]?.generation;
  if (generation === undefined) throw new Error('store_meta has no generation row');
  return generation;
}
