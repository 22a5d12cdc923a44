import pino from 'pino';
import { createDb } from '@audit-gateway/store';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { testConfig } from '../../src/config/loadConfig';
import { BUFFER_CAPACITY, createRecorder } from '../../src/recorder/createRecorder';
import { facts } from './facts';

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createRecorder (§9.7) on PostgreSQL', () => {
  const db = useTestDatabase();
  const count = async () =>
    Number(
      (
        await db()('audit_events')
          .where({ environment: '_gateway' })
          .count<{ count: string }[]>('* as count')
      )[0]?.count,
    );

  beforeEach(async () => {
    await db()('audit_events').delete();
  });

  it('writes within the 200 ms flush interval without flush() being called', async () => {
    const recorder = createRecorder({ db: db(), log, clock: Date.now, config: testConfig() });
    recorder.record(facts());
    recorder.record(facts({ status: 400 }));
    expect(await count()).toBe(0); // record() itself never touches the database
    // the timer writes them; generous deadline, as the database is shared with parallel tests
    const deadline = Date.now() + 5000;
    while ((await count()) < 2 && Date.now() < deadline) await sleep(50);
    expect(await count()).toBe(2);
    expect(recorder.pending()).toBe(0);
    await recorder.close();
  });

  it('writes rows in completion order, in one generation, and close() flushes the rest', async () => {
    await db().raw(`UPDATE store_meta SET value = '4' WHERE key = 'generation'`);
    const recorder = createRecorder({ db: db(), log, clock: Date.now, config: testConfig() });
    for (let i = 0; i < 1200; i++) recorder.record(facts({ path: `/p/${i}` }));
    await recorder.close();
    const rows = await db()('audit_events').select('url', 'generation', 'txid').orderBy('seq');
    expect(rows.map((r: { url: string }) => r.url)).toEqual(
      Array.from({ length: 1200 }, (_, i) => `/p/${i}`),
    );
    expect(new Set(rows.map((r: { generation: number }) => r.generation))).toEqual(new Set([4]));
    expect(recorder.pending()).toBe(0);
    await db().raw(`UPDATE store_meta SET value = '1' WHERE key = 'generation'`);
  });

  it('config.generation raises the stored generation before the first write', async () => {
    const recorder = createRecorder({
      db: db(),
      log,
      clock: Date.now,
      config: testConfig({ generation: 7 }),
    });
    recorder.record(facts());
    await recorder.flush();
    expect((await db()('audit_events').first('generation'))?.generation).toBe(7);
    await recorder.close();
  });

  it('an unreachable database: record() never throws, entries beyond 10,000 are dropped and counted', async () => {
    const down = createDb({ url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1 });
    const recorder = createRecorder({ db: down, log, clock: Date.now, config: testConfig() });
    for (let i = 0; i < BUFFER_CAPACITY + 25; i++) recorder.record(facts());
    expect(recorder.pending()).toBe(BUFFER_CAPACITY);
    expect(recorder.dropped()).toBe(25);
    await expect(recorder.flush()).rejects.toThrow();
    expect(recorder.pending()).toBe(BUFFER_CAPACITY); // kept for the retry
    await recorder.close();
    await down.destroy();
  });
});
