/** `npm run bench -- --events N …` → BenchOptions; every number is checked, nothing is clamped. */
import type { BenchOptions } from './BenchOptions';

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

export const BENCH_USAGE = `usage: npm run bench -- [options]
  --events N          events to generate and load (default 100000)
  --duration S        seconds of the W6 mixed run (default 60)
  --clients N         concurrent W6 clients (default 16)
  --iterations N      measured requests per W1–W3 variant (default 200)
  --pages N           Atomic pages W4 walks (default 100)
  --ingest-events N   events W5 ingests over HTTP and with COPY (default: 100000, at most the dataset)
  --data-dir DIR      use a dataset the generator already wrote instead of generating one
  --loader ingest|copy  ingest: the store's write path (default); copy: COPY, approximate entity state
  --generator FILE    the dataset generator script (default scripts/generate/main.ts)
  --reuse-database    load into DATABASE_URL itself instead of a scratch database next to it
  --out FILE          write the JSON document to FILE instead of stdout
Without DATABASE_URL the bench starts an embedded PostgreSQL in a temporary directory.`;

type Setter = (value: string) => void;

function positiveInt(flag: string, raw: string, max: number): number {
  if (!/^[0-9]+$/.test(raw)) throw new BenchUsageError(`${flag} must be a positive integer`);
  const n = Number(raw);
  if (n < 1 || n > max) throw new BenchUsageError(`${flag} must be from 1 to ${max}`);
  return n;
}

export function parseBenchArgs(
  argv: readonly string[],
  env: { readonly DATABASE_URL?: string },
  log: (line: string) => void,
): BenchOptions {
  const o = {
    events: 100_000,
    mixedSeconds: 60,
    mixedClients: 16,
    iterations: 200,
    pages: 100,
    ingestEvents: 100_000,
    reuseDatabase: false,
    out: undefined as string | undefined,
    dataDir: undefined as string | undefined,
    generator: 'scripts/generate/main.ts',
    loader: 'ingest' as 'ingest' | 'copy',
  };
  const valued: Record<string, Setter> = {
    '--events': (v) => (o.events = positiveInt('--events', v, 100_000_000)),
    '--duration': (v) => (o.mixedSeconds = positiveInt('--duration', v, 3600)),
    '--clients': (v) => (o.mixedClients = positiveInt('--clients', v, 256)),
    '--iterations': (v) => (o.iterations = positiveInt('--iterations', v, 100_000)),
    '--pages': (v) => (o.pages = positiveInt('--pages', v, 10_000)),
    '--ingest-events': (v) => (o.ingestEvents = positiveInt('--ingest-events', v, 100_000_000)),
    '--data-dir': (v) => (o.dataDir = v),
    '--out': (v) => (o.out = v),
    '--generator': (v) => (o.generator = v),
    '--loader': (v) => {
      if (v !== 'ingest' && v !== 'copy')
        throw new BenchUsageError('--loader must be ingest or copy');
      o.loader = v;
    },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--reuse-database') {
      o.reuseDatabase = true;
      continue;
    }
    const set = valued[flag];
    if (!set) throw new BenchUsageError(`unknown option ${arg}\n${BENCH_USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new BenchUsageError(`${flag} needs a value`);
    set(value);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (o.reuseDatabase && !databaseUrl)
    throw new BenchUsageError('--reuse-database needs DATABASE_URL');
  return { ...o, databaseUrl, log };
}
