import { randomBytes } from 'node:crypto';
import { useTestDatabase } from '../../test-support/testDatabase';
import { currentGeneration } from '../../src/storeMeta/currentGeneration';
import { loadCursorKeys } from '../../src/storeMeta/loadCursorKeys';
import { tailHorizonAgeSeconds } from '../../src/storeMeta/tailHorizonAge';

describe('store_meta: cursor keys and generation', () => {
  const db = useTestDatabase();

  it('configured keys win and keep their order', async () => {
    const keys = [randomBytes(32), randomBytes(40)];
    expect(await loadCursorKeys(db(), keys)).toEqual(keys);
    const rows = await db()('store_meta').where({ key: 'cursor_key' });
    expect(rows).toHaveLength(0);
  });

  it('without configured keys, concurrent starts agree on one generated key that persists', async () => {
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadCursorKeys(db())));
    const first = loaded[0]?.[0];
    expect(first).toHaveLength(32);
    for (const keys of loaded) expect(keys).toEqual([first]);
    expect(await loadCursorKeys(db(), [])).toEqual([first]);
  });

  it('the generation starts at 1, is raised by raiseTo and never lowered', async () => {
    expect(await currentGeneration(db())).toBe(1);
    expect(await currentGeneration(db(), 3)).toBe(3);
    expect(await currentGeneration(db(), 2)).toBe(3);
    expect(await currentGeneration(db())).toBe(3);
    await expect(currentGeneration(db(), 0)).rejects.toThrow(RangeError);
    await expect(currentGeneration(db(), 40000)).rejects.toThrow(RangeError);
  });
});

describe('tailHorizonAgeSeconds', () => {
  const db = useTestDatabase();

  it('is above 0 while a transaction holds an id, and falls when it ends', async () => {
    const trx = await db().transaction();
    try {
      await trx.raw('SELECT pg_current_xact_id()');
      await new Promise((r) => setTimeout(r, 50));
      expect(await tailHorizonAgeSeconds(db())).toBeGreaterThan(0.04);
    } finally {
      await trx.rollback();
    }
    // other test files share the server, so only "no older than our own" can be asserted here
    expect(await tailHorizonAgeSeconds(db())).toBeGreaterThanOrEqual(0);
  });
});
