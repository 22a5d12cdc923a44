/**
 * Writes a batch of recorded request events: one transaction, multi-row INSERTs of at most 500
 * rows (far below PostgreSQL's 65,535 bind parameters), rows in completion order so `seq` follows
 * it. This is one of the documented writes that bypass the compiler: the recorder is a writer.
 */
import type { Db } from '@audit-gateway/store';
import type { RequestEventRow } from './requestEventRow';

export const INSERT_CHUNK = 500;

export async function insertRequestEvents(
  db: Db,
  generation: number,
  rows: readonly RequestEventRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, generation }));
      await trx('audit_events').insert(chunk);
    }
  });
}
