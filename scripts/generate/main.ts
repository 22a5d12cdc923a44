/**
 * npx tsx scripts/generate/main.ts --events N --out DIR [--seed S] [--days D] [--end ISO]
 *   [--environments a,b] [--tenant T]
 * Writes atlan.ndjson, atlas.ndjson and atomic.ndjson: a deterministic synthetic dataset.
 */
import { parseArgs } from 'node:util';
import { generate } from './generate';
import { splitEvents } from './GenerateOptions';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '10000' },
      out: { type: 'string', default: 'data/generated' },
      seed: { type: 'string', default: '42' },
      days: { type: 'string', default: '90' },
      end: { type: 'string', default: '2024-06-01T00:00:00.000Z' },
      environments: { type: 'string', default: 'env-a,env-b,env-c' },
      tenant: { type: 'string' },
    },
  });
  const events = Number(values.events);
  const end = Date.parse(values.end);
  if (!Number.isSafeInteger(events) || events < 1)
    throw new Error('--events must be a positive integer');
  if (Number.isNaN(end)) throw new Error('--end must be an ISO instant');
  const files = await generate(
    {
      ...splitEvents(events),
      seed: Number(values.seed),
      days: Number(values.days),
      end,
      environments: values.environments.split(','),
      ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
    },
    values.out,
  );
  process.stdout.write(`${JSON.stringify({ events, files })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
