import { and, cmp, inList, or, type CanonicalRow } from '@audit-gateway/ir';
import { buildAtomicQuery } from '../src/buildAtomicQuery';
import { formatAtomicEntry } from '../src/formatAtomicEntry';

describe('buildAtomicQuery', () => {
  it('desc first page: recordedAt desc then the explicit seq key, scope left to scope()', () => {
    const q = buildAtomicQuery({ order: 'desc', filters: { authType: 'workbench' }, limit: 3 });
    expect(q).toEqual({
      family: 'request',
      scope: { op: 'all' },
      detailScope: { op: 'all' },
      where: cmp('authType', 'eq', 'workbench'),
      sort: [
        { field: 'recordedAt', dir: 'desc', missing: 'last' },
        { field: 'seq', dir: 'desc', missing: 'last' },
      ],
      page: { offset: 0, limit: 3 },
      total: 'none',
    });
  });

  it('desc next page: keyset after (createdMs, seq), seq included', () => {
    const q = buildAtomicQuery({
      order: 'desc',
      filters: {},
      limit: 3,
      key: ['1714557605000', '81'],
    });
    expect(q.page).toEqual({ after: [1714557605000, '81'], includeSeq: true, limit: 3 });
  });

  it('asc: the tail from the start, or after (generation, txid, seq)', () => {
    expect(buildAtomicQuery({ order: 'asc', filters: {}, limit: 5 }).page).toEqual({
      tail: null,
      limit: 5,
    });
    const q = buildAtomicQuery({
      order: 'asc',
      filters: {},
      limit: 5,
      key: [2, '18446744073709551615', '7'],
    });
    expect(q.page).toEqual({
      tail: { generation: 2, txid: '18446744073709551615', seq: '7' },
      limit: 5,
    });
    expect(q.sort).toEqual([{ field: 'seq', dir: 'asc', missing: 'last' }]);
  });

  it('every filter, AND-ed; list items OR-ed; status classes as half-open ranges', () => {
    const q = buildAtomicQuery({
      order: 'desc',
      limit: 1,
      filters: {
        from: 1,
        to: 2,
        source: ['atomic-api'],
        resourceType: ['card'],
        actionType: ['read', 'update'],
        method: ['GET'],
        status: [404, '5xx'],
      },
    });
    expect(q.where).toEqual(
      and(
        cmp('recordedAt', 'gte', 1),
        cmp('recordedAt', 'lt', 2),
        inList('source', ['atomic-api']),
        inList('resourceType', ['card']),
        inList('action', ['read', 'update']),
        inList('method', ['GET']),
        or([inList('status', [404]), and(cmp('status', 'gte', 500), cmp('status', 'lt', 600))]),
      ),
    );
  });
});

describe('formatAtomicEntry', () => {
  const row = {
    seq: '9',
    externalId: 'a2',
    tenant: 'acme',
    environment: 'env-a',
    family: 'request',
    generation: 1,
    txid: '700',
    occurredAt: 1714557601000,
    recordedAt: 1714557601000,
    actor: 's-1',
    action: 'read',
    url: '/x',
    method: 'GET',
    ip: null,
    userAgent: null,
    source: 'workbench-api',
    authType: 'workbench',
    resourceType: 'card_template',
    actionDescription: null,
    payload: null,
    status: 200,
    durationMs: null,
    auth: { type: 'workbench', sub: 's-1' },
    query: null,
  } as unknown as CanonicalRow;

  it('renders all 16 keys, the tenant as organisationId and created with 3 fraction digits', () => {
    expect(formatAtomicEntry(row)).toEqual({
      id: 'a2',
      url: '/x',
      status: 200,
      auth: { type: 'workbench', sub: 's-1' },
      ip: null,
      userAgent: null,
      method: 'GET',
      query: null,
      payload: null,
      source: 'workbench-api',
      organisationId: 'acme',
      environmentId: 'env-a',
      time: null,
      resource: { type: 'card_template' },
      action: { type: 'read', description: null },
      created: '2024-05-01T10:00:01.000Z',
    });
  });

  it('a row without resource or action renders them as null', () => {
    const e = formatAtomicEntry({ ...row, resourceType: null, action: null });
    expect([e.resource, e.action]).toEqual([null, null]);
  });
});
