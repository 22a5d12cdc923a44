/**
 * Tail mode, spec/atomic-audit-log.md §11.2 cases 22-27 as one sequence, on real concurrent
 * transactions. The database server is shared with other test files, and any transaction in the
 * cluster that holds an id pins the horizon (§8.4), so where the spec expects entries the test
 * polls until they arrive; where it expects an empty page, a transaction of this test holds the
 * horizon, so that answer is deterministic.
 */
import request from 'supertest';
import type { Knex } from 'knex';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestApp, type TestApp } from '../../test-support/testApp';
import { W, createFixtureF, entry, ingestAtomic, type FixtureF } from './fixtureF';

interface Page {
  data: { id: string }[];
  cursor: string | null;
}

describe('Atomic tail mode: cases 22-27', () => {
  const db = useTestDatabase();
  let t: TestApp;
  let f: FixtureF;
  let cursor = '';

  beforeAll(async () => {
    f = await createFixtureF(db());
    t = createTestApp(db());
  });

  async function poll(query: string): Promise<Page> {
    const res = await request(t.app)
      .get(`/v1/env-a/audit-log?${query}`)
      .set('Authorization', f.auth['tok-wb'] ?? '');
    expect([res.status, res.body]).toEqual([200, expect.anything()]);
    const body = res.body as Page;
    expect(typeof body.cursor).toBe('string'); // every asc answer has a cursor
    return body;
  }

  /** Follows the tail from `cursor` until `count` entries arrived (or 15 s passed). */
  async function collect(count: number, limit = 5): Promise<string[]> {
    const seen: string[] = [];
    const deadline = Date.now() + 15_000;
    while (seen.length < count && Date.now() < deadline) {
      const p = await poll(`cursor=${cursor}&limit=${limit}`);
      seen.push(...p.data.map((e) => e.id));
      cursor = p.cursor as string;
      if (p.data.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    return seen;
  }

  const seqOf = async (id: string) =>
    BigInt((await db()('audit_events').where({ external_id: id }).first('seq'))?.seq as string);

  it('case 22: asc paging', async () => {
    const first = await poll(`order=asc&limit=5&${W}`);
    cursor = first.cursor as string;
    const got = [...first.data.map((e) => e.id), ...(await collect(8 - first.data.length))];
    expect(got).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    const empty = await poll(`cursor=${cursor}&limit=5`);
    expect(empty.data).toEqual([]);
    cursor = empty.cursor as string; // T3
  });

  it('case 23: an empty first page still has a cursor', async () => {
    const p = await poll(`order=asc&authType=signedPayload&status=5xx&${W}`);
    expect(p.data).toEqual([]);
    expect(p.cursor).toEqual(expect.any(String));
  });

  it('case 24: a late entry with an old created is delivered where it committed', async () => {
    const desc = await request(t.app)
      .get(`/v1/env-a/audit-log?${W}`)
      .set('Authorization', f.auth['tok-wb'] ?? '');
    await ingestAtomic(db(), 'acme', [
      entry('a9', { created: Date.parse('2024-05-01T09:00:00.000Z') }),
    ]);
    expect(await collect(1)).toEqual(['a9']);
    // the desc walk that finished before A9 arrived never saw it (§8.2)
    expect((desc.body as Page).data.map((e) => e.id)).not.toContain('a9');
  });

  it('case 25: out-of-order commit, the lower seq commits later', async () => {
    const s1 = await db().transaction();
    const s2 = await db().transaction();
    try {
      await ingestAtomic(s1, 'acme', [
        entry('x1', { created: Date.parse('2024-05-01T11:00:00.000Z') }),
      ]);
      await ingestAtomic(s2, 'acme', [
        entry('x2', { created: Date.parse('2024-05-01T11:00:00.001Z') }),
      ]);
      await s2.commit();
      const p = await poll(`cursor=${cursor}`);
      expect(p.data).toEqual([]); // x2 is committed, but S1 (lower txid) still runs
      cursor = p.cursor as string; // T5
      await s1.commit();
    } finally {
      if (!s1.isCompleted()) await s1.rollback();
      if (!s2.isCompleted()) await s2.rollback();
    }
    expect((await seqOf('x1')) < (await seqOf('x2'))).toBe(true);
    expect(await collect(2)).toEqual(['x1', 'x2']);
    expect((await poll(`cursor=${cursor}`)).data).toEqual([]);
  });

  it('case 26: transaction id order beats seq order', async () => {
    const s2 = await db().transaction();
    let s1: Knex.Transaction | undefined;
    try {
      await s2.raw('SELECT pg_current_xact_id()');
      s1 = await db().transaction();
      await ingestAtomic(s1, 'acme', [
        entry('x3', { created: Date.parse('2024-05-01T11:00:01.000Z') }),
      ]);
      await s1.commit();
      expect((await poll(`cursor=${cursor}`)).data).toEqual([]);
      await ingestAtomic(s2, 'acme', [
        entry('x4', { created: Date.parse('2024-05-01T11:00:02.000Z') }),
      ]);
      await s2.commit();
    } finally {
      if (s1 && !s1.isCompleted()) await s1.rollback();
      if (!s2.isCompleted()) await s2.rollback();
    }
    expect(await seqOf('x4')).toBeGreaterThan(await seqOf('x3'));
    expect(await collect(2)).toEqual(['x4', 'x3']);
  });

  it('case 27: a stall by an unrelated transaction', async () => {
    const s3 = await db().transaction();
    try {
      await s3.raw('SELECT pg_current_xact_id()');
      const ing = await request(t.app)
        .post('/api/v1/ingest/atomic')
        .set('Authorization', f.auth['tok-ing'] ?? '')
        .send([entry('a10', { created: Date.parse('2024-05-01T12:00:00.000Z') })].map(toJson));
      expect([ing.status, ing.body]).toEqual([200, { ingested: 1, duplicates: 0 }]);
      const stalled = await poll(`cursor=${cursor}`);
      expect(stalled.data).toEqual([]);
      cursor = stalled.cursor as string;
    } finally {
      await s3.rollback();
    }
    expect(await collect(1)).toEqual(['a10']);
  });
});

function toJson(e: ReturnType<typeof entry>): Record<string, unknown> {
  return { ...e, created: new Date(e.created).toISOString() };
}
