/**
 * Acceptance (issue 6): a desc walk over 10,000 entries in pages of 1,000, while other entries are
 * being inserted into the same environment with `created` values spread over the whole range,
 * returns every entry that existed before the first page exactly once (spec §8.2).
 */
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createTestCredential } from '../../test-support/credentials';
import { createTestApp } from '../../test-support/testApp';
import { entry, ingestAtomic } from './fixtureF';

interface Page {
  data: { id: string }[];
  cursor: string | null;
}

const T0 = Date.parse('2024-05-01T00:00:00.000Z');

describe('desc walk during concurrent inserts', () => {
  const db = useTestDatabase();

  it('walks 10,000 entries in pages of 1,000 and sees each pre-existing entry exactly once', async () => {
    const { authorization } = await createTestCredential(db(), {
      tenant: 'acme',
      name: 'walker',
      roles: ['atomic:workbench'],
      environments: ['env-w'],
    });
    // 10,000 entries, many sharing one `created` millisecond so seq has to break the ties
    const existing = Array.from({ length: 10_000 }, (_, i) =>
      entry(`p${i}`, { environmentId: 'env-w', created: T0 + Math.floor(i / 3) * 1000 }),
    );
    await ingestAtomic(db(), 'acme', existing);
    const { app } = createTestApp(db());

    let inserting = true;
    let inserted = 0;
    const writer = (async () => {
      while (inserting) {
        const batch = Array.from({ length: 25 }, (_, k) => {
          const n = inserted + k;
          // spread over the walked range and beyond it, on both sides of the walker's position
          return entry(`n${n}`, {
            environmentId: 'env-w',
            created: T0 + ((n * 7919) % 3600) * 1000 - 500_000,
          });
        });
        await ingestAtomic(db(), 'acme', batch);
        inserted += batch.length;
      }
    })();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    try {
      do {
        const q: string = cursor === null ? 'limit=1000' : `limit=1000&cursor=${cursor}`;
        const res = await request(app)
          .get(`/v1/env-w/audit-log?${q}`)
          .set('Authorization', authorization);
        expect(res.status).toBe(200);
        const body = res.body as Page;
        seen.push(...body.data.map((e) => e.id));
        cursor = body.cursor;
        pages += 1;
      } while (cursor !== null && pages < 100);
    } finally {
      inserting = false;
      await writer;
    }

    expect(inserted).toBeGreaterThan(0); // the walk really ran alongside writers
    expect(new Set(seen).size).toBe(seen.length); // nothing twice, new entries included
    const walked = new Set(seen);
    const missing = existing.filter((e) => !walked.has(e.id)).map((e) => e.id);
    expect(missing).toEqual([]);
  });
});
