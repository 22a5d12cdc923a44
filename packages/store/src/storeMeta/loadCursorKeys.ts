/**
 * The cursor keys (spec/atomic-audit-log.md §7.4). Configured keys win: the first signs, all verify.
 * Without them, one key is generated on the first start and kept in `store_meta`. The write is
 * insert-if-absent and the stored value is read back, so replicas starting together agree on one
 * key, and restarts keep verifying old cursors. Never a per-process key: cursors do not expire.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

export const CURSOR_KEY_ROW = 'cursor_key';

export async function loadCursorKeys(db: Db, configured?: readonly Buffer[]): Promise<Buffer[]> {
  if (configured && configured.length > 0) return [...configured];
  const candidate = randomBytes(32).toString('base64url');
  await db.raw(
    `INSERT INTO store_meta (key, value) VALUES (?, to_jsonb(?::text)) ON CONFLICT (key) DO NOTHING`,
    [CURSOR_KEY_ROW, candidate],
  );
  const result = await db.raw<{ rows: { key: string | null }[] }>(
    `SELECT value #>> '{}' AS key FROM store_meta WHERE key = ?`,
    [CURSOR_KEY_ROW],
  );
  const stored = result.rows[0]?.key;
  if (!stored || !/^[A-Za-z0-9_-]{43,}$/.test(stored)) {
    throw new Error('store_meta.cursor_key is not a base64url key of at least 32 bytes');
  }
  return [Buffer.from(stored, 'base64url')];
}
