/**
 * The recorder's cost on a read request (issue 6): the same Atomic read through an app whose
 * recorder discards everything, and through one with the real recorder, interleaved so both see
 * the same machine load. The figures are printed for the report, not asserted: wall-clock times on
 * a shared machine are not a test. What is asserted is that every measured request was recorded.
 */
import pino from 'pino';
import request from 'supertest';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import type { Recorder } from '../../src/app/types';
import { testConfig } from '../../src/config/loadConfig';
import { createRecorder } from '../../src/recorder/createRecorder';
import { createTestApp } from '../../test-support/testApp';
import { W, createFixtureF } from '../atomic/fixtureF';

const ROUNDS = 300;
const discard: Recorder = {
  record: () => undefined,
  flush: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

describe('recorder overhead on a read request', () => {
  const db = useTestDatabase();

  it('records every request; prints the median latency with and without the recorder', async () => {
    const f = await createFixtureF(db());
    const recorder = createRecorder({
      db: db(),
      log: pino({ level: 'silent' }),
      clock: Date.now,
      config: testConfig(),
    });
    const plain = createTestApp(db(), { recorder: discard }).app;
    const recorded = createTestApp(db(), { recorder }).app;
    const path = `/v1/env-a/audit-log?limit=8&${W}`;
    const auth = f.auth['tok-wb'] ?? '';
    const timed = async (app: typeof plain) => {
      const t0 = process.hrtime.bigint();
      const res = await request(app).get(path).set('Authorization', auth);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      expect(res.status).toBe(200);
      return ms;
    };
    for (let i = 0; i < 20; i++) await timed(i % 2 ? plain : recorded); // warm-up, both paths
    await recorder.flush();
    const before = await db()('audit_events')
      .where({ environment: '_gateway' })
      .count<{ c: string }[]>('* as c');
    const without: number[] = [];
    const withRec: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      without.push(await timed(plain));
      withRec.push(await timed(recorded));
    }
    await recorder.close();
    const after = await db()('audit_events')
      .where({ environment: '_gateway' })
      .count<{ c: string }[]>('* as c');
    expect(Number(after[0]?.c) - Number(before[0]?.c)).toBe(ROUNDS);
    const m0 = median(without);
    const m1 = median(withRec);
    console.log(
      `recorder overhead on a read: median ${m0.toFixed(3)} ms without, ${m1.toFixed(3)} ms with ` +
        `(${(m1 - m0).toFixed(3)} ms, ${(((m1 - m0) / m0) * 100).toFixed(1)}%) over ${ROUNDS} requests each`,
    );
  });
});
