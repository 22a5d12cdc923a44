import { all, type Family, type Predicate } from '@audit-gateway/ir';
import type { Knex } from 'knex';
import { compileCondition, compilePredicate } from '../../src/compile/compilePredicate';
import { insertEvents } from '../../test-support/insertEvents';
import { useTestDatabase } from '../../test-support/testDatabase';
import { CASE_ROWS, COMPILE_CASES } from './compileCases';

async function keysMatching(
  db: Knex,
  family: Family,
  where: Predicate,
  detailScope: Predicate,
  compile: typeof compilePredicate,
): Promise<string[]> {
  const f = compile(where, { family, alias: 'e', detailScope });
  const res = await db.raw<{ rows: { natural_key: string }[] }>(
    `SELECT "e".natural_key FROM audit_events AS "e" WHERE "e".family = ? AND ${f.sql} ORDER BY "e".seq`,
    [family, ...f.bindings] as Knex.RawBinding[],
  );
  return res.rows.map((r) => r.natural_key);
}

describe('compilePredicate on PostgreSQL', () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await insertEvents(db(), CASE_ROWS);
  });

  it.each(COMPILE_CASES)('$name', async (c) => {
    const args = [c.family ?? 'entity', c.where, c.detailScope ?? all()] as const;
    expect(await keysMatching(db(), ...args, compilePredicate)).toEqual(c.keys);
    expect(await keysMatching(db(), ...args, compileCondition)).toEqual(c.keys);
  });
});
