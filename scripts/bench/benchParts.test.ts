/** The harness's pure parts: argument parsing, percentiles, the `like` regex, COPY CSV. */
import { BenchUsageError, parseBenchArgs } from './parseBenchArgs';
import { percentile, summarise } from './LatencyStats';
import { tokenRegex } from './workloads/w3AtlasAdmin';
import { csvField } from './workloads/copyCsv';

const log = () => undefined;

describe('parseBenchArgs', () => {
  it('has the documented defaults and takes DATABASE_URL', () => {
    const o = parseBenchArgs([], { DATABASE_URL: 'postgres://x/y' }, log);
    expect(o).toMatchObject({
      events: 100_000,
      mixedSeconds: 60,
      mixedClients: 16,
      pages: 100,
      reuseDatabase: false,
      databaseUrl: 'postgres://x/y',
    });
  });

  it('reads "--flag value" and "--flag=value"', () => {
    const o = parseBenchArgs(
      ['--events', '1000000', '--duration=10', '--reuse-database'],
      { DATABASE_URL: 'u' },
      log,
    );
    expect(o.events).toBe(1_000_000);
    expect(o.mixedSeconds).toBe(10);
    expect(o.reuseDatabase).toBe(true);
    expect(o.loader).toBe('ingest');
    expect(parseBenchArgs(['--loader', 'copy'], {}, log).loader).toBe('copy');
  });

  it.each([
    [['--events', '0']],
    [['--events', '1e6']],
    [['--events']],
    [['--bogus']],
    [['--reuse-database']],
    [['--loader', 'fast']],
  ])('rejects %j', (argv) => {
    expect(() => parseBenchArgs(argv, {}, log)).toThrow(BenchUsageError);
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarises count, errors and throughput', () => {
    const s = summarise([3, 1, 2], 1, 1000, 'boom');
    expect(s).toMatchObject({
      count: 3,
      errors: 1,
      p50: 2,
      max: 3,
      throughput: 3,
      firstError: 'boom',
    });
  });
});

describe('the token-boundary like of W3 (spec/atlas-admin-audits.md §4.7)', () => {
  const like = (a: string, v: string) => new RegExp(tokenRegex(v)).test(a);
  it.each([
    ['admin', 'admin', true],
    ['svc-admin', 'admin', true],
    ['administrator', 'admin', false],
    ['AUTO_PURGE', 'PURGE', false],
    ['a.b+c', 'b+c', true],
  ])('%s like %s → %s', (a, v, want) => {
    expect(like(a, v)).toBe(want);
  });
});

describe('COPY csv fields', () => {
  it('quotes values and leaves NULL unquoted', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('a"b,c')).toBe('"a""b,c"');
    expect(csvField(12.5)).toBe('"12.5"');
  });
});
