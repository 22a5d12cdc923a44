import { all, cmp, type AuditQuery } from '@audit-gateway/ir';
import { createAuditSearch } from '../../src/search/createAuditSearch';
import { principal } from '../scope/principal';

describe('createAuditSearch', () => {
  it('runs the query with the scope of the principal, whatever the caller put there', async () => {
    const seen: AuditQuery[] = [];
    const search = createAuditSearch({
      run: (q) => {
        seen.push(q);
        return Promise.resolve({ rows: [], hasMore: false });
      },
    });
    const query: AuditQuery = {
      family: 'admin',
      scope: all(),
      detailScope: cmp('tenant', 'eq', 'other'),
      where: cmp('actor', 'eq', 'bob'),
      sort: [{ field: 'seq', dir: 'desc', missing: 'last' }],
      page: { offset: 0, limit: 5 },
      total: 'none',
    };
    await search(query, { principal: principal({ tenant: 'globex' }), target: {} });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.where).toEqual(query.where);
    expect(seen[0]?.scope).toEqual({
      op: 'and',
      of: [
        { op: 'cmp', field: 'tenant', cmp: 'eq', value: 'globex' },
        { op: 'cmp', field: 'family', cmp: 'eq', value: 'admin' },
      ],
    });
    expect(seen[0]?.detailScope).toEqual({ op: 'all' });
  });

  it('refuses a parser that names an internal field in `where` (checkFields runs first)', async () => {
    let ran = false;
    const search = createAuditSearch({
      run: () => {
        ran = true;
        return Promise.resolve({ rows: [], hasMore: false });
      },
    });
    const query: AuditQuery = {
      family: 'entity',
      scope: all(),
      detailScope: all(),
      where: cmp('tenant', 'eq', 'globex'),
      sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
      page: { offset: 0, limit: 5 },
      total: 'none',
    };
    await expect(search(query, { principal: principal(), target: {} })).rejects.toMatchObject({
      code: 'AQ500',
    });
    expect(ran).toBe(false);
  });
});
