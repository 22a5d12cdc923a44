/**
 * The example requests of the seed documents (shared seeds 000 "API audit usage" and 001 "Get asset
 * history"), sent verbatim except for the fixture's GUID and qualifiedName: each returns a
 * correctly shaped response.
 */
import { A, qnA, rowNumber } from './atlanFixture';
import { useAtlanFixture } from './conformance';

const atlan = useAtlanFixture();
const ENTRY_KEYS = [
  'action',
  'created',
  'detail',
  'details',
  'entity',
  'entityDetail',
  'entityId',
  'entityQualifiedName',
  'eventKey',
  'headers',
  'timestamp',
  'type',
  'typeName',
  'user',
];

function expectShape(body: Record<string, unknown>) {
  expect(Object.keys(body).sort()).toEqual([
    'aggregations',
    'count',
    'entityAudits',
    'linkedEntities',
    'totalCount',
  ]);
  for (const e of body.entityAudits as Record<string, unknown>[])
    expect(Object.keys(e).sort()).toEqual(ENTRY_KEYS);
}

describe('seed documents', () => {
  it('000: starter request, top callers and daily volume over the last 30 days', async () => {
    const res = await atlan.post({
      dsl: {
        size: 0,
        query: { bool: { filter: [{ range: { created: { gte: 'now-30d' } } }] } },
        aggs: {
          by_user: { terms: { field: 'user', size: 20 } },
          by_action: { terms: { field: 'action', size: 20 } },
          by_day: { date_histogram: { field: 'created', calendar_interval: '1d' } },
        },
        track_total_hits: true,
      },
    });
    expect(res.status).toBe(200);
    expectShape(res.body);
    expect(Object.keys(res.body.aggregations).sort()).toEqual(['by_action', 'by_day', 'by_user']);
    expect(res.body.aggregations.by_day.buckets).toHaveLength(7);
  });

  it('000: last 10 audit entries for a specific asset', async () => {
    const res = await atlan.post({
      dsl: {
        from: 0,
        size: 10,
        query: {
          bool: {
            must: [
              { term: { entityQualifiedName: { value: qnA } } },
              { term: { typeName: { value: 'Table' } } },
            ],
          },
        },
        sort: [{ created: { order: 'desc' } }],
        track_total_hits: true,
      },
    });
    expect(res.status).toBe(200);
    expectShape(res.body);
    expect(res.body.entityAudits.map(rowNumber)).toEqual([15, 12, 11, 10, 8, 5, 6, 4, 1]);
  });

  it('001: asset history by GUID and by qualifiedName', async () => {
    const byGuid = await atlan.post({
      dsl: {
        from: 0,
        size: 10,
        sort: [{ created: { order: 'desc' } }],
        query: { bool: { filter: { term: { entityId: A } } } },
      },
    });
    expect(byGuid.status).toBe(200);
    expectShape(byGuid.body);
    expect(byGuid.body).toMatchObject({
      count: 9,
      totalCount: 9,
      aggregations: null,
      linkedEntities: {},
    });
    const byName = await atlan.post({
      dsl: {
        from: 0,
        size: 10,
        sort: [{ created: { order: 'desc' } }],
        query: { bool: { filter: { term: { entityQualifiedName: qnA } } } },
      },
      attributes: ['name'],
    });
    expect(byName.body.entityAudits.map(rowNumber)).toEqual(
      byGuid.body.entityAudits.map(rowNumber),
    );
    expect(byName.body.entityAudits[0].entityDetail.attributes).toEqual({ name: 'ORDERS' });
  });
});
