/** The generator is deterministic and its histories are consistent. */
import { generateAtlan } from './generateAtlan';
import { generateAtlas } from './generateAtlas';
import { generateAtomic } from './generateAtomic';
import { splitEvents, type GenerateOptions } from './GenerateOptions';
import { Rng } from './Rng';
import { Zipf } from './Zipf';

const options: GenerateOptions = {
  ...splitEvents(5000),
  seed: 7,
  days: 30,
  end: Date.UTC(2024, 5, 1),
  environments: ['env-a', 'env-b'],
};

describe('scripts/generate', () => {
  it('is a pure function of its options', () => {
    const a = JSON.stringify([...generateAtlan(options, new Rng(7))]);
    const b = JSON.stringify([...generateAtlan(options, new Rng(7))]);
    const c = JSON.stringify([...generateAtlan(options, new Rng(8))]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('creates every asset before anything else happens to it, in time order', () => {
    const seen = new Set<string>();
    let last = 0;
    for (const r of generateAtlan(options, new Rng(7))) {
      const id = r.entityId as string;
      if (!seen.has(id)) expect(String(r.action)).toMatch(/CREATE$/);
      seen.add(id);
      if (r.action === 'ENTITY_PURGE') seen.delete(id);
      expect(r.timestamp as number).toBeGreaterThan(last);
      last = r.timestamp as number;
    }
  });

  it('draws Zipf ranks: the first rank is the most frequent', () => {
    const z = new Zipf(100);
    const rng = new Rng(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20000; i++) counts[z.draw(rng)]!++;
    expect(counts[0]!).toBeGreaterThan(counts[9]! * 5);
  });

  it('makes the sizes it was asked for', () => {
    expect([...generateAtlas(options, new Rng(1))]).toHaveLength(options.atlas);
    expect([...generateAtomic(options, new Rng(1))]).toHaveLength(options.atomic);
    expect(options.atlan + options.atlas + options.atomic).toBe(5000);
  });
});
