import { all, AuditError, cmp, type AuditQuery, type Predicate } from '@audit-gateway/ir';
import type { Knex } from 'knex';
import { createAuditRepository } from '../../src/repository/createAuditRepository';
import { insertEvents } from '../../test-support/insertEvents';
import { useTestDatabase } from '../../test-support/testDatabase';

const T0 = Date.UTC(2024, 2, 31, 0, 59, 59, 999);

function entityQuery(over: Partial<AuditQuery> = {}): AuditQuery {
  return {
    family: 'entity',
    scope: cmp('tenant', 'eq', 't1'),
    detailScope: all(),
    where: all(),
    sort: [
      { field: 'recordedAt', dir: 'desc', missing: 'last' },
      { field: 'seq', dir: 'asc', missing: 'last' },
    ],
    page: { offset: 0, limit: 2 },
    total: 'exact',
    ...over,
  };
}

function requestTail(tail: AuditQuery['page']): AuditQuery {
  return {
    family: 'request',
    scope: cmp('environment', 'eq', 'tail'),
    detailScope: all(),
    where: all(),
    sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
    page: tail,
    total: 'none',
  };
}

describe('createAuditRepository', () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await insertEvents(db(), [
      {
        key: 'a',
        family: 'entity',
        actor: 'ann',
        recordedAt: T0,
        occurredAt: T0 - 5,
        detail: { x: 1 },
        headers: { h: 'v' },
      },
      {
        key: 'b',
        family: 'entity',
        actor: 'bob',
        recordedAt: T0 + 1,
        occurredAt: T0,
        detail: { x: 2 },
      },
      { key: 'c', family: 'entity', actor: 'cy', recordedAt: T0 + 1, occurredAt: T0, detail: null },
      {
        key: 'd',
        family: 'entity',
        tenant: 't2',
        actor: 'ann',
        recordedAt: T0 + 9,
        occurredAt: T0,
      },
      { key: 'e', family: 'admin', actor: 'ann', occurredAt: T0, resultCount: 3, params: 'p' },
    ]);
  });

  it('maps rows to CanonicalRow: epoch ms, decimal seq and txid, JSON as values', async () => {
    const page = await createAuditRepository(db()).run(
      entityQuery({ page: { offset: 2, limit: 5 } }),
    );
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(row).toMatchObject({
      seq: '1',
      tenant: 't1',
      family: 'entity',
      actor: 'ann',
      recordedAt: T0,
      occurredAt: T0 - 5,
      detail: { x: 1 },
      detailVisible: true,
      headers: { h: 'v' },
      params: null,
      resultCount: null,
    });
    expect(row.txid).toMatch(/^[0-9]+$/);
  });

  it('pages with hasMore, an exact total, and ties broken by seq ascending', async () => {
    const page = await createAuditRepository(db()).run(entityQuery());
    expect(page.rows.map((r) => r.actor)).toEqual(['bob', 'cy']);
    expect(page.hasMore).toBe(true);
    expect(page.total).toEqual({ value: 3, relation: 'eq' });
  });

  it('caps the total at N with relation gte, and leaves it out for none', async () => {
    const repo = createAuditRepository(db());
    expect((await repo.run(entityQuery({ total: { cap: 2 } }))).total).toEqual({
      value: 2,
      relation: 'gte',
    });
    expect((await repo.run(entityQuery({ total: { cap: 3 } }))).total).toEqual({
      value: 3,
      relation: 'eq',
    });
    expect((await repo.run(entityQuery({ total: 'none' }))).total).toBeUndefined();
  });

  it('postFilter narrows hits and totals', async () => {
    const page = await createAuditRepository(db()).run(
      entityQuery({ postFilter: cmp('actor', 'eq', 'cy') }),
    );
    expect(page.rows.map((r) => r.actor)).toEqual(['cy']);
    expect(page.total).toEqual({ value: 1, relation: 'eq' });
  });

  it('blanks detail outside detailScope and says so', async () => {
    const page = await createAuditRepository(db()).run(
      entityQuery({ detailScope: cmp('actor', 'eq', 'ann'), page: { offset: 0, limit: 5 } }),
    );
    expect(page.rows.map((r) => [r.actor, r.detail, r.detailVisible])).toEqual([
      ['bob', null, false],
      ['cy', null, false],
      ['ann', { x: 1 }, true],
    ]);
  });

  it('keyset after a row, excluding rows equal to a search_after tuple', async () => {
    const repo = createAuditRepository(db());
    const withSeq = await repo.run(
      entityQuery({ page: { after: [T0 + 1, '2'], includeSeq: true, limit: 5 } }),
    );
    expect(withSeq.rows.map((r) => r.actor)).toEqual(['cy', 'ann']);
    const noSeq = await repo.run(
      entityQuery({ page: { after: [T0 + 1], includeSeq: false, limit: 5 } }),
    );
    expect(noSeq.rows.map((r) => r.actor)).toEqual(['ann']);
  });

  it('a null in search_after sorts where missing says, even on a column never NULL', async () => {
    const repo = createAuditRepository(db());
    const page = (missing: 'first' | 'last') =>
      repo.run(
        entityQuery({
          sort: [
            { field: 'recordedAt', dir: 'desc', missing },
            { field: 'seq', dir: 'asc', missing: 'last' },
          ],
          page: { after: [null], includeSeq: false, limit: 5 },
        }),
      );
    expect((await page('last')).rows).toEqual([]);
    expect((await page('first')).rows.map((r) => r.actor)).toEqual(['bob', 'cy', 'ann']);
  });

  it('admin rows: nullable recordedAt and numeric resultCount', async () => {
    const page = await createAuditRepository(db()).run({
      ...entityQuery(),
      family: 'admin',
      sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
    });
    expect(page.rows.map((r) => [r.recordedAt, r.resultCount, r.params, r.detailVisible])).toEqual([
      [null, 3, 'p', true],
    ]);
  });

  it('rejects invalid IR before any SQL runs', async () => {
    let queries = 0;
    const count = () => queries++;
    db().on('query', count);
    try {
      const bad: Predicate = { op: 'text', field: 'recordedAt', match: 'prefix', value: '2024' };
      await expect(
        createAuditRepository(db()).run(entityQuery({ where: bad })),
      ).rejects.toBeInstanceOf(AuditError);
      await expect(
        createAuditRepository(db()).run(entityQuery({ where: cmp('nope', 'eq', 'x') })),
      ).rejects.toMatchObject({ code: 'AQ500' });
    } finally {
      db().off('query', count);
    }
    expect(queries).toBe(0);
  });

  describe('the Atomic tail (spec/atomic-audit-log.md §8.3)', () => {
    async function tailKeys(after: AuditQuery['page']): Promise<string[]> {
      const page = await createAuditRepository(db()).run(requestTail(after));
      return page.rows.map((r) => r.url ?? '');
    }

    it('holds back rows behind an open transaction, then delivers in transaction order', async () => {
      const trx: Knex.Transaction = await db().transaction();
      try {
        await trx.raw('SELECT pg_current_xact_id()'); // the open transaction now holds the older id
        await insertEvents(db(), [
          {
            key: 'late',
            family: 'request',
            environment: 'tail',
            url: 'B',
            recordedAt: T0,
            occurredAt: T0,
          },
          {
            key: 'old',
            family: 'request',
            environment: 'tail',
            url: 'G0',
            generation: 0,
            recordedAt: T0,
            occurredAt: T0,
          },
        ]);
        await insertEvents(trx, [
          {
            key: 'early',
            family: 'request',
            environment: 'tail',
            url: 'A',
            recordedAt: T0,
            occurredAt: T0,
          },
        ]);
        // B committed but sits above the horizon the open transaction pins; the older generation is final
        expect(await tailKeys({ tail: null, limit: 10 })).toEqual(['G0']);
        await trx.commit();
      } catch (e) {
        await trx.rollback();
        throw e;
      }
      // other sessions on the server may pin the horizon briefly: wait for it to pass
      let keys: string[] = [];
      for (let i = 0; i < 450; i++) {
        keys = await tailKeys({ tail: null, limit: 10 });
        if (keys.length === 3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // A has the higher seq but the lower transaction id, so it comes before B
      expect(keys).toEqual(['G0', 'A', 'B']);
      const all = await createAuditRepository(db()).run(requestTail({ tail: null, limit: 10 }));
      const first = all.rows[1]!;
      const rest = await tailKeys({
        tail: { generation: first.generation, txid: first.txid, seq: first.seq },
        limit: 10,
      });
      expect(rest).toEqual(['B']);
      expect(Number(first.seq)).toBeGreaterThan(Number(all.rows[2]!.seq));
    });
  });
});
