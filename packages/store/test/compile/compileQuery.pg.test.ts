import { createAuditRepository } from '../../src/repository/createAuditRepository';
import { insertEvents } from '../../test-support/insertEvents';
import { useTestDatabase } from '../../test-support/testDatabase';
import { QUERY_CASES, QUERY_ROWS } from './compileQueryCases';

describe('compileQuery on PostgreSQL', () => {
  const db = useTestDatabase();
  const keyOf = new Map<string, string>();
  beforeAll(async () => {
    const seqs = await insertEvents(db(), QUERY_ROWS);
    seqs.forEach((seq, i) => keyOf.set(seq, QUERY_ROWS[i]!.key));
  });

  it.each(QUERY_CASES)('$name', async (c) => {
    const page = await createAuditRepository(db()).run(c.query);
    expect(page.rows.map((r) => keyOf.get(r.seq))).toEqual(c.keys);
  });
});
