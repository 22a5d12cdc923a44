/**
 * The repository hands aggregations the query's rows: `family AND scope AND where`, never
 * `postFilter` (DESIGN §2.3), in the same snapshot as the hits.
 */
import { all, cmp, type AuditQuery } from '@audit-gateway/ir';
import { createAuditRepository } from '../../src/repository/createAuditRepository';
import { insertEvents } from '../../test-support/insertEvents';
import { useTestDatabase } from '../../test-support/testDatabase';

const T = Date.UTC(2024, 5, 1);

describe('createAuditRepository with aggregations', () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await insertEvents(db(), [
      { key: 'a', family: 'entity', actor: 'ann', recordedAt: T, occurredAt: T },
      { key: 'b', family: 'entity', actor: 'ann', recordedAt: T, occurredAt: T },
      { key: 'c', family: 'entity', actor: 'bob', recordedAt: T, occurredAt: T },
      { key: 'd', family: 'entity', tenant: 't2', actor: 'bob', recordedAt: T, occurredAt: T },
      { key: 'e', family: 'admin', actor: 'bob', occurredAt: T },
    ]);
  });

  it('aggregates scope AND where of the family, ignoring postFilter', async () => {
    const q: AuditQuery = {
      family: 'entity',
      scope: cmp('tenant', 'eq', 't1'),
      detailScope: all(),
      where: all(),
      postFilter: cmp('actor', 'eq', 'bob'),
      sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
      page: { offset: 0, limit: 10 },
      total: 'exact',
      aggs: {
        users: {
          type: 'terms',
          field: { field: 'actor' },
          size: 10,
          minDocCount: 1,
          order: [
            { by: '_count', dir: 'desc' },
            { by: '_key', dir: 'asc' },
          ],
        },
      },
    };
    const page = await createAuditRepository(db()).run(q);
    expect(page.rows.map((r) => r.actor)).toEqual(['bob']);
    expect(page.total).toEqual({ value: 1, relation: 'eq' });
    expect(page.aggs).toEqual({
      users: {
        type: 'terms',
        sumOtherDocCount: 0,
        buckets: [
          { key: 'ann', docCount: 2, aggs: {} },
          { key: 'bob', docCount: 1, aggs: {} },
        ],
      },
    });
  });
});
