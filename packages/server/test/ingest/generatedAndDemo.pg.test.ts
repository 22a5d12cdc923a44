/**
 * Generated and demo data go through the real path: every generated record is valid, the demo
 * seed derives its purge, and seeding twice stores nothing new (spec/ingest.md §9.6).
 */
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { generateAtlan } from '../../../../scripts/generate/generateAtlan';
import { generateAtlas } from '../../../../scripts/generate/generateAtlas';
import { generateAtomic } from '../../../../scripts/generate/generateAtomic';
import { splitEvents } from '../../../../scripts/generate/GenerateOptions';
import { Rng } from '../../../../scripts/generate/Rng';
import { seedDemo } from '../../src/ingest/demo/seedDemo';
import { send, ROOT } from './ingestRequest';

const db = useTestDatabase();

const options = {
  ...splitEvents(6000),
  seed: 3,
  days: 10,
  end: Date.UTC(2024, 5, 1),
  environments: ['env-a', 'env-b'],
  tenant: 'acme',
};

describe('generated data through the ingest handlers', () => {
  it.each([
    ['atlan', () => [...generateAtlan(options, new Rng(3))]],
    ['atlas', () => [...generateAtlas(options, new Rng(4))]],
    ['atomic', () => [...generateAtomic(options, new Rng(5))]],
  ] as const)('every generated %s record is valid and stored once', async (kind, make) => {
    const records = make();
    for (let i = 0; i < records.length; i += 5000) {
      const part = records.slice(i, i + 5000);
      const r = await send(db(), kind, part, { principal: ROOT });
      expect(r).toMatchObject({ status: 200, body: { ingested: part.length, duplicates: 0 } });
    }
  });
});

describe('seed --demo', () => {
  it('loads the demo set once, with a derived purge', async () => {
    const first = await seedDemo(db());
    expect(first.atlas).toMatchObject({ ingested: 4, derivedEvents: 1 });
    expect(first.atomic).toMatchObject({ ingested: 8 });
    const again = await seedDemo(db());
    for (const counts of Object.values(again)) expect(counts.ingested).toBe(0);
    const { rows } = await db().raw<{ rows: { n: string }[] }>(
      "SELECT count(*) AS n FROM audit_events WHERE tenant = 'default' AND action = 'ENTITY_PURGE'",
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const env = await db().raw<{ rows: { environment: string }[] }>(
      "SELECT DISTINCT environment FROM audit_events WHERE tenant = 'default' AND family = 'request'",
    );
    expect(env.rows).toEqual([{ environment: 'demo' }]);
  });
});
