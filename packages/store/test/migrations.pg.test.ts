import { createDb } from '../src/db';
import { migrateLatest, pendingMigrations, rollbackAll } from '../src/migrate';
import { createEmptyDatabase, dropDatabase } from '../test-support/testDatabase';

const TABLES = [
  'audit_events',
  'entities',
  'entity_headers',
  'credentials',
  'typedefs',
  'store_meta',
  'idempotency_keys',
];

describe('migrations', () => {
  const name = `audit_mig_${process.pid}_${Date.now()}`;
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabase(name);
  });
  afterAll(() => dropDatabase(name));

  it('go up, down and up again on a fresh database', async () => {
    const db = createDb({ url, poolMax: 1 });
    const tables = async () =>
      (
        await db.raw<{ rows: { table_name: string }[] }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY(?)",
          [TABLES],
        )
      ).rows
        .map((r) => r.table_name)
        .sort();
    try {
      expect((await migrateLatest(db)).applied.length).toBeGreaterThan(0);
      expect(await tables()).toEqual([...TABLES].sort());
      expect(await pendingMigrations(db)).toEqual([]);
      // a row survives nothing on the way down, and the schema is gone
      await db.raw(
        `INSERT INTO audit_events (id, tenant, family, generation, occurred_at, recorded_at, natural_key)
         VALUES (gen_random_uuid(), 't', 'entity', 1, now(), now(), 'k')`,
      );
      await rollbackAll(db);
      expect(await tables()).toEqual([]);
      expect((await pendingMigrations(db)).length).toBeGreaterThan(0);
      await migrateLatest(db);
      expect(await tables()).toEqual([...TABLES].sort());
      // running latest again is harmless
      expect((await migrateLatest(db)).applied).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('enforces the family constraints and natural-key uniqueness', async () => {
    const db = createDb({ url, poolMax: 1 });
    try {
      const insert = (family: string, env: string | null, recorded: string | null, key: string) =>
        db.raw(
          `INSERT INTO audit_events (id, tenant, family, environment, generation, occurred_at, recorded_at, natural_key)
           VALUES (gen_random_uuid(), 't', ?, ?, 1, now(), ?::timestamptz, ?)`,
          [family, env, recorded, key],
        );
      await insert('admin', null, null, 'a1'); // only admin rows may lack recorded_at
      await expect(insert('entity', null, null, 'e1')).rejects.toThrow(/recorded_at_check/);
      await expect(insert('request', null, '2024-01-01Z', 'r1')).rejects.toThrow(
        /environment_check/,
      );
      await expect(insert('entity', 'env', '2024-01-01Z', 'e2')).rejects.toThrow(
        /environment_check/,
      );
      await expect(insert('admin', null, null, 'a1')).rejects.toThrow(/natural_key_idx/);
      const fold = await db.raw<{ rows: { m: boolean }[] }>(
        `SELECT lower('ÉCOLE' COLLATE audit_fold) = lower('école' COLLATE audit_fold) AS m`,
      );
      expect(fold.rows[0]?.m).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
